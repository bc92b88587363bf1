/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mp-generate: writes large, realistic plan files for the benchmarks.
 *
 *   mp-generate [--preset un|g20] [OPTION…] OUT.ministerial    (OUT "-": stdout)
 *
 * The plan is the same for the same options and --seed. Its fixed meetings
 * are free of every conflict of file-format.md (each placement is checked
 * against the occupancy of its room and of each participant, with turnover,
 * buffer, travel and availability), except the cancelled ones, which take
 * part in no conflict and are thrown in anywhere on purpose. Every venue
 * uses the conference's zone; the generator refuses dates on which that zone
 * changes its offset during conference hours.
 *
 * A developer tool, not installed: its messages are not translated.
 */

#define G_LOG_DOMAIN "mp-generate"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Kinds, in the order of file-format.md. */
typedef enum
{
  KIND_PLENARY,
  KIND_MULTILATERAL,
  KIND_TRILATERAL,
  KIND_BILATERAL,
  KIND_PULL_ASIDE,
  KIND_WORKING_MEAL,
  KIND_PRESS,
  KIND_CEREMONY,
  N_KINDS
} Kind;

#define K(kind) (1u << (kind))
#define SMALL_KINDS (K (KIND_BILATERAL) | K (KIND_TRILATERAL) | K (KIND_PULL_ASIDE))
#define BOOTH_KINDS (K (KIND_BILATERAL) | K (KIND_PULL_ASIDE))

static const char * const kind_nicks[N_KINDS] = {
  "plenary", "multilateral", "trilateral", "bilateral",
  "pull-aside", "working-meal", "press", "ceremony",
};

typedef enum
{
  ROLE_PRINCIPAL,
  ROLE_DELEGATE,
  ROLE_STAFF,
  ROLE_PRESS,
  ROLE_INTERPRETER,
  ROLE_SECURITY,
  N_ROLES
} Role;

static const char * const role_nicks[N_ROLES] = {
  "principal", "delegate", "staff", "press", "interpreter", "security",
};

typedef enum
{
  STATUS_TENTATIVE,
  STATUS_CONFIRMED,
  STATUS_CANCELLED,
} Status;

static const char * const status_nicks[] = { "tentative", "confirmed", "cancelled" };

typedef enum
{
  PRIORITY_REQUIRED,
  PRIORITY_HIGH,
  PRIORITY_NORMAL,
  PRIORITY_LOW,
  N_PRIORITIES
} Priority;

static const char * const priority_nicks[N_PRIORITIES] = { "required", "high", "normal", "low" };

typedef enum
{
  SCRIPT_LATIN,
  SCRIPT_ACCENTED,
  SCRIPT_ARABIC,
  SCRIPT_CHINESE,
  SCRIPT_CYRILLIC,
  SCRIPT_GREEK,
  N_SCRIPTS
} Script;

/* Tables ------------------------------------------------------------------ */

typedef struct
{
  const char *code;
  const char *code2;
  const char *name;
  const char *zone;
  Script      script;
} Country;

static const Country countries[] = {
  { "USA", "US", "United States of America", "America/New_York", SCRIPT_LATIN },
  { "CHN", "CN", "China", "Asia/Shanghai", SCRIPT_CHINESE },
  { "RUS", "RU", "Russian Federation", "Europe/Moscow", SCRIPT_CYRILLIC },
  { "GBR", "GB", "United Kingdom", "Europe/London", SCRIPT_LATIN },
  { "FRA", "FR", "France", "Europe/Paris", SCRIPT_ACCENTED },
  { "IND", "IN", "India", "Asia/Kolkata", SCRIPT_LATIN },
  { "BRA", "BR", "Brazil", "America/Sao_Paulo", SCRIPT_ACCENTED },
  { "DEU", "DE", "Germany", "Europe/Berlin", SCRIPT_ACCENTED },
  { "JPN", "JP", "Japan", "Asia/Tokyo", SCRIPT_LATIN },
  { "ZAF", "ZA", "South Africa", "Africa/Johannesburg", SCRIPT_LATIN },
  { "MEX", "MX", "Mexico", "America/Mexico_City", SCRIPT_ACCENTED },
  { "CAN", "CA", "Canada", "America/Toronto", SCRIPT_LATIN },
  { "ITA", "IT", "Italy", "Europe/Rome", SCRIPT_ACCENTED },
  { "KOR", "KR", "Republic of Korea", "Asia/Seoul", SCRIPT_LATIN },
  { "IDN", "ID", "Indonesia", "Asia/Jakarta", SCRIPT_LATIN },
  { "TUR", "TR", "Türkiye", "Europe/Istanbul", SCRIPT_ACCENTED },
  { "SAU", "SA", "Saudi Arabia", "Asia/Riyadh", SCRIPT_ARABIC },
  { "ARG", "AR", "Argentina", "America/Argentina/Buenos_Aires", SCRIPT_ACCENTED },
  { "AUS", "AU", "Australia", "Australia/Sydney", SCRIPT_LATIN },
  { "EUU", "EU", "European Union", "Europe/Brussels", SCRIPT_ACCENTED },
  { "EGY", "EG", "Egypt", "Africa/Cairo", SCRIPT_ARABIC },
  { "NGA", "NG", "Nigeria", "Africa/Lagos", SCRIPT_LATIN },
  { "GRC", "GR", "Greece", "Europe/Athens", SCRIPT_GREEK },
  { "UKR", "UA", "Ukraine", "Europe/Kyiv", SCRIPT_CYRILLIC },
  { "ESP", "ES", "Spain", "Europe/Madrid", SCRIPT_ACCENTED },
  { "KEN", "KE", "Kenya", "Africa/Nairobi", SCRIPT_LATIN },
  { "ARE", "AE", "United Arab Emirates", "Asia/Dubai", SCRIPT_ARABIC },
  { "CHL", "CL", "Chile", "America/Santiago", SCRIPT_ACCENTED },
  { "POL", "PL", "Poland", "Europe/Warsaw", SCRIPT_ACCENTED },
  { "NOR", "NO", "Norway", "Europe/Oslo", SCRIPT_ACCENTED },
  { "VNM", "VN", "Viet Nam", "Asia/Ho_Chi_Minh", SCRIPT_ACCENTED },
  { "PAK", "PK", "Pakistan", "Asia/Karachi", SCRIPT_LATIN },
  { "KAZ", "KZ", "Kazakhstan", "Asia/Almaty", SCRIPT_CYRILLIC },
  { "JOR", "JO", "Jordan", "Asia/Amman", SCRIPT_ARABIC },
  { "CYP", "CY", "Cyprus", "Asia/Nicosia", SCRIPT_GREEK },
  { "SGP", "SG", "Singapore", "Asia/Singapore", SCRIPT_CHINESE },
};

/* Home zones for the delegations the generator makes up. */
static const char * const home_zones[] = {
  "Africa/Accra", "Africa/Addis_Ababa", "Africa/Dakar", "Africa/Kinshasa",
  "America/Bogota", "America/Lima", "America/Panama", "America/Havana",
  "America/Montevideo", "Asia/Bangkok", "Asia/Dhaka", "Asia/Manila",
  "Asia/Tashkent", "Asia/Tehran", "Asia/Baghdad", "Asia/Kathmandu",
  "Europe/Vienna", "Europe/Lisbon", "Europe/Helsinki", "Europe/Bucharest",
  "Pacific/Auckland", "Pacific/Fiji", "Indian/Mauritius", "Atlantic/Reykjavik",
};

static const char * const topic_names[] = {
  "Climate finance", "Maritime security", "Trade and investment",
  "Nuclear non-proliferation", "Sustainable Development Goals",
  "Food security", "Global health", "Counter-terrorism", "Migration",
  "Digital cooperation", "Humanitarian access", "Peacekeeping",
  "Energy transition", "Debt relief", "Water and sanitation",
  "Critical minerals",
};

/* Syllables and names per script. */
static const char * const latin_given[] = {
  "James", "Mary", "Robert", "Linda", "Michael", "Sarah", "David", "Emily",
  "John", "Grace", "Daniel", "Olivia", "Samuel", "Amara", "Kwame", "Aisha",
  "Thomas", "Nadia", "Peter", "Ruth", "Kofi", "Fatima", "Arjun", "Priya",
  "Hiroshi", "Yuki", "Min-jun", "Ji-woo", "Tendai", "Chloe",
};
static const char * const latin_parts[] = {
  "Ma", "ren", "Oka", "for", "Men", "sah", "Wal", "ker", "Ka", "mau",
  "Tay", "lor", "Da", "vies", "Bak", "er", "Tur", "ner", "Har", "ris",
  "Mwa", "ngi", "Sing", "h", "Na", "ka", "mu", "ra", "Ben", "ton",
  "Ash", "ford", "Lo", "well", "Pa", "tel",
};
static const char * const accented_given[] = {
  "José", "María", "François", "Hélène", "Jürgen", "Søren", "Łukasz", "Zoë",
  "André", "Inês", "Çağla", "Miloš", "Ana", "João", "Björn", "Åsa", "Ignacio",
  "Lucía", "Théo", "Noémie", "Dvořák", "Małgorzata", "Sebastián", "Renée",
};
static const char * const accented_family[] = {
  "González", "Müller", "López", "Dvořák", "Peña", "Berger", "Çalışkan",
  "Sánchez", "Lefèvre", "Håkansson", "Nowak", "Ibáñez", "Gauthier", "Šimek",
  "Nørgaard", "Araújo", "Ramírez", "Schäfer", "Özdemir", "Fernández",
  "Kowalczyk", "Méndez", "Lindqvist", "Dubois",
};
static const char * const arabic_given[] = {
  "محمد", "فاطمة", "أحمد", "ليلى", "يوسف", "مريم", "خالد", "نور", "عمر",
  "سارة", "حسن", "هدى", "علي", "زينب", "سلمان", "رنا",
};
static const char * const arabic_family[] = {
  "الحسيني", "العلي", "الخطيب", "المنصور", "الزهراني", "السعدي", "القاسم",
  "الراشد", "البكري", "الفارس", "الهاشمي", "النجار", "الشامي", "العمري",
};
static const char * const chinese_family[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
  "马", "朱", "胡", "郭", "何", "高", "林", "罗",
};
static const char * const chinese_given[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
  "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "华", "建",
};
static const char * const cyrillic_given[] = {
  "Александр", "Елена", "Дмитрий", "Ольга", "Сергей", "Наталья", "Андрей",
  "Татьяна", "Иван", "Мария", "Михаил", "Анна", "Олег", "Ирина", "Айгерим",
  "Нурлан",
};
static const char * const cyrillic_family[] = {
  "Петров", "Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев",
  "Козлов", "Новиков", "Морозов", "Волков", "Павлов", "Шевченко",
  "Бондаренко", "Ахметов", "Сулейменов",
};
static const char * const greek_given[] = {
  "Γιώργος", "Μαρία", "Νίκος", "Ελένη", "Δημήτρης", "Αικατερίνη", "Κώστας",
  "Σοφία", "Γιάννης", "Άννα", "Παναγιώτης", "Δέσποινα",
};
static const char * const greek_family[] = {
  "Παπαδόπουλος", "Βασιλείου", "Γεωργίου", "Νικολάου", "Οικονόμου",
  "Καραγιάννης", "Μακρής", "Δημητρίου", "Ιωάννου", "Αλεξίου", "Χριστοδούλου",
  "Λαμπράκης",
};

/* Made-up countries: a Latin root (for the codes and the Latin names) and
 * a native name in the delegation's script. */
static const char * const root_start[] = {
  "Val", "Kar", "Mor", "Lu", "Ter", "Bri", "Os", "Zan", "Tal", "Ri", "Fe",
  "Nor", "Sel", "Qua", "Ar", "Ve", "Mar", "Do", "Elu", "Gal", "Hes", "Ib",
  "Jas", "Pel", "Sur", "Wen", "Yo", "Cas",
};
static const char * const root_middle[] = {
  "do", "ra", "ste", "vi", "na", "lo", "ma", "ti", "be", "ro", "", "", "",
};
static const char * const root_end[] = {
  "ria", "nia", "via", "stan", "land", "ora", "esh", "ique", "ador", "onia",
  "ara", "enia", "ovia", "anda",
};
static const char * const accented_start[] = {
  "Al", "Bé", "Cá", "Dö", "É", "Fú", "Gé", "Hö", "Í", "Jó", "Ká", "Lö",
  "Mé", "Ñá", "Ó", "Pé", "Rú", "Sé", "Tö", "Ú", "Vé", "Zá",
};
static const char * const accented_end[] = {
  "ria", "nia", "çia", "lônia", "quía", "rén", "stån", "ßland", "ová", "ëa",
};
static const char * const arabic_parts[] = {
  "الم", "سا", "ري", "نو", "قا", "دي", "بحر", "زا", "هي", "لو", "كا",
  "فا", "جا", "طا",
};
static const char * const arabic_ends[] = { "ية", "ان", "ستان", "ين" };
static const char * const chinese_parts[] = {
  "华", "安", "明", "山", "海", "兴", "和", "东", "南", "丰", "泰", "宁",
  "康", "新", "云", "金", "天", "平", "瑞", "龙",
};
static const char * const cyrillic_parts[] = {
  "Бо", "Ва", "Гра", "До", "Ел", "Жи", "За", "Ка", "Ли", "Мо", "Но", "Ра",
  "Сла", "Ту", "Фе", "Хо",
};
static const char * const cyrillic_middle[] = { "ра", "ло", "ви", "не", "та", "до" };
static const char * const cyrillic_ends[] = { "ния", "вия", "лия", "стан", "рия" };
static const char * const greek_parts[] = {
  "Αρ", "Βε", "Γα", "Δε", "Θη", "Κα", "Λυ", "Μυ", "Νη", "Ξα", "Πε", "Ρο",
  "Σα", "Τη", "Φι", "Χα",
};
static const char * const greek_middle[] = { "ρο", "λι", "νε", "τα", "δο", "μι" };
static const char * const greek_ends[] = { "νία", "ρία", "λία", "σία" };

/* Titles; a principal's organization follows its title. */
static const char * const un_principal_titles[] = {
  "Minister for Foreign Affairs", "President",
  "Permanent Representative to the United Nations", "Minister of Finance",
};
static const char * const un_principal_orgs[] = {
  "Ministry of Foreign Affairs", "Office of the President",
  "Permanent Mission to the United Nations", "Ministry of Finance",
};
static const char * const g20_principal_titles[] = { "Minister of Foreign Affairs" };
static const char * const g20_principal_orgs[] = { "Ministry of Foreign Affairs" };
static const char * const senior_titles[] = {
  "Deputy Minister for Foreign Affairs", "Deputy Permanent Representative",
  "Ambassador", "Special Envoy", "National Security Adviser",
  "Director-General for Multilateral Affairs",
};
static const char * const delegate_titles[] = {
  "Counsellor", "First Secretary", "Second Secretary", "Adviser",
  "Legal Adviser", "Attaché",
};
static const char * const staff_titles[] = {
  "Protocol Officer", "Executive Assistant", "Scheduler", "Liaison Officer",
};
static const char * const press_titles[] = { "Spokesperson", "Press Officer" };
static const char * const security_titles[] = { "Security Officer", "Head of Security" };

typedef struct
{
  const char *id;
  const char *name;
  const char *address;
} VenueTemplate;

typedef struct
{
  const char *id;
  const char *name;
  int         venue_slot;   /* 0: the main venue; 1: one of the others */
  int         capacity;
  guint       kinds;        /* 0: the member is left out, the room serves every kind */
} RoomTemplate;

typedef struct
{
  int         start;        /* minutes of the day */
  int         end;
  const char *title;
  gboolean    all_principals; /* else a share of the speakers' list */
} Session;

static const VenueTemplate un_venues[] = {
  { "unhq", "United Nations Headquarters", "405 East 42nd Street, New York, NY 10017" },
  { "hotel", "Lexington Diplomatic Hotel", "511 Lexington Avenue, New York, NY 10017" },
  { "mission", "Diplomatic Mission Building", "866 United Nations Plaza, New York, NY 10017" },
};

static const RoomTemplate un_rooms[] = {
  { "ga-hall", "General Assembly Hall", 0, 2000, K (KIND_PLENARY) },
  { "booth-1", "Bilateral Booth 1", 0, 8, BOOTH_KINDS },
  { "conf-1", "Conference Room 1", 0, 40, 0 },
  { "suite-1201", "Suite 1201", 1, 6, SMALL_KINDS },
  { "dining", "Delegates Dining Room", 0, 40, K (KIND_WORKING_MEAL) },
  { "booth-2", "Bilateral Booth 2", 0, 10, BOOTH_KINDS },
  { "salon-a", "Salon A", 1, 20, 0 },
  { "quiet-room", "Quiet Room", 1, 2, K (KIND_PULL_ASIDE) },
  { "press-room", "Press Briefing Room", 0, 30, K (KIND_PRESS) | K (KIND_CEREMONY) },
  { "booth-3", "Bilateral Booth 3", 0, 6, BOOTH_KINDS },
  { "conf-2", "Conference Room 2", 0, 24, 0 },
  { "booth-4", "Bilateral Booth 4", 0, 8, BOOTH_KINDS },
  { "suite-1202", "Suite 1202", 1, 6, SMALL_KINDS },
  { "booth-5", "Bilateral Booth 5", 0, 10, BOOTH_KINDS },
  { "conf-3", "Conference Room 3", 0, 30, 0 },
  { "booth-6", "Bilateral Booth 6", 0, 6, BOOTH_KINDS },
  { "salon-b", "Salon B", 1, 20, 0 },
  { "booth-7", "Bilateral Booth 7", 0, 8, BOOTH_KINDS },
  { "conf-4", "Conference Room 4", 0, 32, 0 },
  { "booth-8", "Bilateral Booth 8", 0, 10, BOOTH_KINDS },
};

static const Session un_sessions[] = {
  { 9 * 60, 12 * 60, "General Debate, morning session", FALSE },
  { 15 * 60, 18 * 60, "General Debate, afternoon session", FALSE },
};

static const VenueTemplate g20_venues[] = {
  { "convention-centre", "Sandton Convention Centre", "161 Maude Street, Sandton, Johannesburg" },
  { "residence", "Official Guest Residence", "Pretoria Road, Johannesburg" },
};

static const RoomTemplate g20_rooms[] = {
  { "plenary", "Plenary Room", 0, 60, K (KIND_PLENARY) | K (KIND_MULTILATERAL) | K (KIND_CEREMONY) },
  { "bilateral-1", "Bilateral Room 1", 0, 8, SMALL_KINDS },
  { "bilateral-2", "Bilateral Room 2", 0, 6, SMALL_KINDS },
  { "bilateral-3", "Bilateral Room 3", 0, 10, 0 },
  { "bilateral-4", "Bilateral Room 4", 0, 4, BOOTH_KINDS },
  { "bilateral-5", "Bilateral Room 5", 0, 6, SMALL_KINDS },
};

static const Session g20_sessions[] = {
  { 9 * 60, 10 * 60, "Plenary session", TRUE },
};

static const char * const g20_countries[] = {
  "ZAF", "USA", "CHN", "IND", "BRA", "DEU", "FRA", "GBR", "JPN", "RUS",
  "ARG", "AUS", "CAN", "IDN", "ITA", "KOR", "MEX", "SAU", "TUR", "EUU", NULL,
};

static const char * const un_countries[] = {
  "USA", "CHN", "RUS", "GBR", "FRA", "IND", "BRA", "DEU", "JPN", "ZAF",
  "MEX", "CAN", "ITA", "KOR", "IDN", "TUR", "SAU", "ARG", "AUS", "EGY",
  "NGA", "GRC", "UKR", "ESP", "KEN", "ARE", "CHL", "POL", "NOR", "VNM",
  "PAK", "KAZ", "JOR", "CYP", "SGP", NULL,
};

typedef struct
{
  const char          *name;
  const char          *title;
  const char          *notes;
  const char          *time_zone;
  const char          *start_date;
  const char * const  *countries;        /* by importance; the first is the host */
  int                  n_large;          /* large powers after the host */
  int                  delegations;
  int                  participants;
  int                  days;
  int                  venues;
  int                  rooms;
  int                  meetings;
  int                  requests;
  int                  day_start;
  int                  day_end;
  int                  slot;
  int                  turnover;
  int                  buffer;
  int                  travel;           /* minutes from the main venue to the others */
  double               zipf;             /* skew of who meets whom */
  double               host_size;        /* relative delegation sizes */
  double               large_size;
  int                  host_principals;
  int                  large_principals;
  int                  host_seniors;
  int                  large_seniors;
  int                  senior_divisor;   /* other delegations: a senior per N members */
  const char * const  *principal_titles;
  const char * const  *principal_orgs;
  guint                n_principal_titles;
  const VenueTemplate *venue_templates;
  guint                n_venue_templates;
  const RoomTemplate  *room_templates;
  guint                n_room_templates;
  const Session       *sessions;
  guint                n_sessions;
  guint                meeting_mix[N_KINDS];
  guint                request_mix[N_KINDS];
  double               roomless;         /* bilaterals and meals held outside the plan's rooms */
  const char          *roomless_note;    /* followed by the first delegation's name */
  double               companion;        /* a request brings a second person per side */
  double               late_arrival;     /* shares of participants with availability windows */
  double               early_departure;
  double               day_away;
  int                  arrival_hours;    /* late arrivals come this many hours after day_start at most */
} Preset;

static const Preset presets[] = {
  {
    .name = "un",
    .title = "United Nations General Assembly, High-Level Week 2026",
    .notes = "Generated by mp-generate for benchmarks: 193 delegations, the General Debate in the "
             "General Assembly Hall each day, bilaterals at Headquarters, at the hotel and at missions.",
    .time_zone = "America/New_York",
    .start_date = "2026-09-21",
    .countries = un_countries,
    .n_large = 8,
    .delegations = 193, .participants = 2000, .days = 5, .venues = 2, .rooms = 20,
    .meetings = 2000, .requests = 1500,
    .day_start = 8 * 60, .day_end = 20 * 60, .slot = 15, .turnover = 5, .buffer = 10, .travel = 20,
    .zipf = 0.85,
    .host_size = 8.0, .large_size = 4.0,
    .host_principals = 4, .large_principals = 3, .host_seniors = 10, .large_seniors = 6,
    .senior_divisor = 6,
    .principal_titles = un_principal_titles, .principal_orgs = un_principal_orgs,
    .n_principal_titles = G_N_ELEMENTS (un_principal_titles),
    .venue_templates = un_venues, .n_venue_templates = G_N_ELEMENTS (un_venues),
    .room_templates = un_rooms, .n_room_templates = G_N_ELEMENTS (un_rooms),
    .sessions = un_sessions, .n_sessions = G_N_ELEMENTS (un_sessions),
    .meeting_mix = {
      [KIND_BILATERAL] = 66, [KIND_TRILATERAL] = 8, [KIND_WORKING_MEAL] = 8,
      [KIND_MULTILATERAL] = 5, [KIND_PULL_ASIDE] = 8, [KIND_PRESS] = 3, [KIND_CEREMONY] = 2,
    },
    .request_mix = {
      [KIND_BILATERAL] = 86, [KIND_TRILATERAL] = 6, [KIND_PULL_ASIDE] = 5, [KIND_WORKING_MEAL] = 3,
    },
    .roomless = 0.6,
    .roomless_note = "At the Permanent Mission of ",
    .companion = 0.25,
    .late_arrival = 0.08, .early_departure = 0.04, .day_away = 0.02,
    .arrival_hours = 0,
  },
  {
    .name = "g20",
    .title = "G20 Foreign Ministers’ Meeting",
    .notes = "Generated by mp-generate for benchmarks: more bilateral requests than the two "
             "mornings can hold.",
    .time_zone = "Africa/Johannesburg",
    .start_date = "2026-02-19",
    .countries = g20_countries,
    .n_large = 0,
    .delegations = 20, .participants = 80, .days = 2, .venues = 1, .rooms = 6,
    .meetings = 6, .requests = 120,
    .day_start = 9 * 60, .day_end = 13 * 60, .slot = 15, .turnover = 5, .buffer = 10, .travel = 25,
    .zipf = 0.8,
    .host_size = 1.0, .large_size = 1.0,
    .host_principals = 1, .large_principals = 1, .host_seniors = 1, .large_seniors = 1,
    .senior_divisor = 3,
    .principal_titles = g20_principal_titles, .principal_orgs = g20_principal_orgs,
    .n_principal_titles = G_N_ELEMENTS (g20_principal_titles),
    .venue_templates = g20_venues, .n_venue_templates = G_N_ELEMENTS (g20_venues),
    .room_templates = g20_rooms, .n_room_templates = G_N_ELEMENTS (g20_rooms),
    .sessions = g20_sessions, .n_sessions = G_N_ELEMENTS (g20_sessions),
    .meeting_mix = { [KIND_BILATERAL] = 1 },
    .request_mix = { [KIND_BILATERAL] = 85, [KIND_TRILATERAL] = 10, [KIND_PULL_ASIDE] = 5 },
    .roomless = 0.0,
    .roomless_note = NULL,
    .companion = 0.2,
    .late_arrival = 0.04, .early_departure = 0.04, .day_away = 0.0,
    .arrival_hours = 2,
  },
};

/* The plan being made ----------------------------------------------------- */

typedef struct
{
  int start;   /* local minutes since midnight of the first day */
  int end;
  int room;    /* -1: none */
  int venue;   /* -1: none */
} Busy;

typedef struct
{
  char     *code;
  char     *code2;
  char     *name;
  char     *zone;
  Script    script;
  int       precedence;
  int       size;
  double    weight;      /* how often it meets */
  GArray   *principals;  /* participant indices */
  GArray   *leads;       /* principals and senior delegates */
  GArray   *others;
} Delegation;

typedef struct
{
  char     *id;
  char     *name;
  char     *title;
  char     *organization;
  char     *email;
  int       delegation;
  Role      role;
  int       n_windows;
  int       window_start[2];
  int       window_end[2];
  GArray   *busy;
} Participant;

typedef struct
{
  char     *id;
  char     *name;
  int       venue;
  int       capacity;
  guint     kinds;
  GArray   *busy;
} Room;

typedef struct
{
  Kind      kind;
  char     *title;
  int       start;
  int       end;
  int       room;
  GArray   *people;
  Status    status;
  gboolean  locked;
  int       sequence;
  guint     topics;
  char     *notes;
  guint     order;
} Meeting;

typedef struct
{
  Kind      kind;
  char     *title;
  GArray   *people;
  int       duration;
  Priority  priority;
  int       earliest;    /* -1: none */
  int       latest;
} Request;

typedef struct
{
  const Preset *preset;
  int           n_delegations;
  int           n_participants;
  int           n_days;
  int           n_venues;
  int           n_rooms;
  int           n_meetings;
  int           n_requests;
  guint32       seed;
  GDate         start_date;
  const char   *time_zone;
  GRand        *rand;
  GPtrArray    *delegations;
  GPtrArray    *participants;
  GPtrArray    *rooms;
  GPtrArray    *meetings;
  GPtrArray    *requests;
  int          *travel;          /* n_venues × n_venues minutes */
  double       *cumulative;      /* for choosing delegations by weight */
  guint         attempts;
  guint         kinds_made[N_KINDS];
} Gen;

static void
delegation_free (gpointer data)
{
  Delegation *d = data;

  g_free (d->code);
  g_free (d->code2);
  g_free (d->name);
  g_free (d->zone);
  g_array_unref (d->principals);
  g_array_unref (d->leads);
  g_array_unref (d->others);
  g_free (d);
}

static void
participant_free (gpointer data)
{
  Participant *p = data;

  g_free (p->id);
  g_free (p->name);
  g_free (p->title);
  g_free (p->organization);
  g_free (p->email);
  g_array_unref (p->busy);
  g_free (p);
}

static void
room_free (gpointer data)
{
  Room *r = data;

  g_free (r->id);
  g_free (r->name);
  g_array_unref (r->busy);
  g_free (r);
}

static void
meeting_free (gpointer data)
{
  Meeting *m = data;

  g_free (m->title);
  g_free (m->notes);
  g_array_unref (m->people);
  g_free (m);
}

static void
request_free (gpointer data)
{
  Request *r = data;

  g_free (r->title);
  g_array_unref (r->people);
  g_free (r);
}

/* Random helpers ---------------------------------------------------------- */

#define PICK(g, array) ((array)[g_rand_int_range ((g)->rand, 0, G_N_ELEMENTS (array))])

static gboolean
chance (Gen    *g,
        double  p)
{
  return g_rand_double (g->rand) < p;
}

static int
range (Gen *g,
       int  lo,
       int  hi)
{
  g_assert (lo <= hi);
  return g_rand_int_range (g->rand, lo, hi + 1);
}

static int
pick_weighted (Gen         *g,
               const guint *weights,
               guint        n)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  g_assert (total > 0);

  r = g_rand_int_range (g->rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  g_assert_not_reached ();
}

static int
pick_index (Gen    *g,
            GArray *array)
{
  g_assert (array->len > 0);
  return g_array_index (array, int, g_rand_int_range (g->rand, 0, array->len));
}

static void
shuffle (Gen *g,
         int *items,
         int  n)
{
  for (int i = n - 1; i > 0; i--)
    {
      int j = g_rand_int_range (g->rand, 0, i + 1);
      int t = items[i];

      items[i] = items[j];
      items[j] = t;
    }
}

/* A delegation by weight: the host and the large powers far more often. */
static int
pick_delegation (Gen *g)
{
  double r = g_rand_double (g->rand) * g->cumulative[g->n_delegations - 1];
  int lo = 0;
  int hi = g->n_delegations - 1;

  while (lo < hi)
    {
      int mid = (lo + hi) / 2;

      if (g->cumulative[mid] > r)
        hi = mid;
      else
        lo = mid + 1;
    }

  return lo;
}

static gboolean
array_contains (GArray *array,
                int     value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, int, i) == value)
      return TRUE;
  return FALSE;
}

/* Names ------------------------------------------------------------------- */

static void
append_picks (Gen               *g,
              GString           *s,
              const char * const *parts,
              guint              n_parts,
              int                count)
{
  for (int i = 0; i < count; i++)
    g_string_append (s, parts[g_rand_int_range (g->rand, 0, n_parts)]);
}

static char *
make_root (Gen *g)
{
  GString *s = g_string_new (PICK (g, root_start));

  g_string_append (s, PICK (g, root_middle));
  g_string_append (s, PICK (g, root_end));
  return g_string_free (s, FALSE);
}

static char *
make_country_name (Gen        *g,
                   Script      script,
                   const char *root)
{
  GString *s = g_string_new (NULL);

  switch (script)
    {
    case SCRIPT_LATIN:
      {
        static const char * const forms[] = {
          "", "", "", "Republic of ", "Kingdom of ", "Federal Republic of ", "United Republic of ",
        };
        g_string_append (s, PICK (g, forms));
        g_string_append (s, root);
      }
      break;

    case SCRIPT_ACCENTED:
      {
        static const char * const forms[] = { "", "", "República de ", "République de " };
        g_autoptr(GString) native = g_string_new (PICK (g, accented_start));

        g_string_append (native, PICK (g, root_middle));
        g_string_append (native, PICK (g, accented_end));
        g_string_append (s, PICK (g, forms));
        g_string_append (s, native->str);
      }
      break;

    case SCRIPT_ARABIC:
      {
        static const char * const forms[] = { "جمهورية ", "مملكة ", "دولة ", "" };
        g_autoptr(GString) native = g_string_new (NULL);

        append_picks (g, native, arabic_parts, G_N_ELEMENTS (arabic_parts), range (g, 2, 3));
        g_string_append (native, PICK (g, arabic_ends));
        g_string_append (s, PICK (g, forms));
        g_string_append (s, native->str);
      }
      break;

    case SCRIPT_CHINESE:
      append_picks (g, s, chinese_parts, G_N_ELEMENTS (chinese_parts), 2);
      g_string_append (s, chance (g, 0.7) ? "共和国" : "王国");
      break;

    case SCRIPT_CYRILLIC:
      if (chance (g, 0.5))
        g_string_append (s, "Республика ");
      g_string_append (s, PICK (g, cyrillic_parts));
      g_string_append (s, PICK (g, cyrillic_middle));
      g_string_append (s, PICK (g, cyrillic_ends));
      break;

    case SCRIPT_GREEK:
      if (chance (g, 0.5))
        g_string_append (s, "Δημοκρατία της ");
      g_string_append (s, PICK (g, greek_parts));
      g_string_append (s, PICK (g, greek_middle));
      g_string_append (s, PICK (g, greek_ends));
      break;

    case N_SCRIPTS:
    default:
      g_assert_not_reached ();
    }

  return g_string_free (s, FALSE);
}

static char *
make_person_name (Gen    *g,
                  Script  script)
{
  switch (script)
    {
    case SCRIPT_LATIN:
      {
        g_autoptr(GString) family = g_string_new (NULL);

        append_picks (g, family, latin_parts, G_N_ELEMENTS (latin_parts), range (g, 2, 3));
        family->str[0] = g_ascii_toupper (family->str[0]);
        return g_strdup_printf ("%s %s", PICK (g, latin_given), family->str);
      }

    case SCRIPT_ACCENTED:
      return g_strdup_printf ("%s %s", PICK (g, accented_given), PICK (g, accented_family));

    case SCRIPT_ARABIC:
      return g_strdup_printf ("%s %s", PICK (g, arabic_given), PICK (g, arabic_family));

    case SCRIPT_CHINESE:
      {
        GString *s = g_string_new (PICK (g, chinese_family));

        append_picks (g, s, chinese_given, G_N_ELEMENTS (chinese_given), range (g, 1, 2));
        return g_string_free (s, FALSE);
      }

    case SCRIPT_CYRILLIC:
      return g_strdup_printf ("%s %s", PICK (g, cyrillic_given), PICK (g, cyrillic_family));

    case SCRIPT_GREEK:
      return g_strdup_printf ("%s %s", PICK (g, greek_given), PICK (g, greek_family));

    case N_SCRIPTS:
    default:
      g_assert_not_reached ();
    }
}

/* Two or three upper-case letters from ROOT, else random, not yet in USED. */
static char *
make_code (Gen        *g,
           GHashTable *used,
           const char *root,
           int         length)
{
  char code[4] = { 0 };
  int letters = 0;

  for (const char *c = root; *c != '\0' && letters < length; c++)
    if (g_ascii_isalpha (*c) && (letters == 0 || strchr ("aeiouAEIOU", *c) == NULL))
      code[letters++] = g_ascii_toupper (*c);

  while (letters < length || g_hash_table_contains (used, code))
    {
      for (int i = (letters < length ? letters : 1); i < length; i++)
        code[i] = 'A' + g_rand_int_range (g->rand, 0, 26);
      letters = length;
    }

  g_hash_table_add (used, g_strdup (code));
  return g_strdup (code);
}

static const Country *
find_country (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (g_str_equal (countries[i].code, code))
      return &countries[i];
  g_assert_not_reached ();
}

/* Delegations and people -------------------------------------------------- */

static void
make_delegations (Gen *g)
{
  const Preset *preset = g->preset;
  g_autoptr(GHashTable) codes3 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) codes2 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree int *precedence = g_new (int, g->n_delegations);
  g_autofree int *rank = g_new (int, g->n_delegations);
  int n_known = 0;
  double total = 0;

  while (preset->countries[n_known] != NULL)
    n_known++;

  /* Reserve every known code first, so that made-up ones never take them. */
  for (int i = 0; i < n_known; i++)
    {
      const Country *c = find_country (preset->countries[i]);

      g_hash_table_add (codes3, g_strdup (c->code));
      g_hash_table_add (codes2, g_strdup (c->code2));
    }

  for (int i = 0; i < g->n_delegations; i++)
    {
      Delegation *d = g_new0 (Delegation, 1);

      if (i < n_known)
        {
          const Country *c = find_country (preset->countries[i]);

          d->code = g_strdup (c->code);
          d->code2 = g_strdup (c->code2);
          d->name = g_strdup (c->name);
          d->zone = g_strdup (c->zone);
          d->script = c->script;
        }
      else
        {
          static const guint script_mix[N_SCRIPTS] = {
            [SCRIPT_LATIN] = 40, [SCRIPT_ACCENTED] = 20, [SCRIPT_ARABIC] = 12,
            [SCRIPT_CHINESE] = 10, [SCRIPT_CYRILLIC] = 10, [SCRIPT_GREEK] = 8,
          };
          g_autofree char *root = make_root (g);

          d->script = pick_weighted (g, script_mix, N_SCRIPTS);
          d->name = make_country_name (g, d->script, root);
          d->code = make_code (g, codes3, root, 3);
          d->code2 = make_code (g, codes2, root, 2);
          d->zone = g_strdup (PICK (g, home_zones));
        }

      d->principals = g_array_new (FALSE, FALSE, sizeof (int));
      d->leads = g_array_new (FALSE, FALSE, sizeof (int));
      d->others = g_array_new (FALSE, FALSE, sizeof (int));
      g_ptr_array_add (g->delegations, d);
    }

  /* Precedence: a drawn order, as the UN draws the letter it starts from. */
  for (int i = 0; i < g->n_delegations; i++)
    precedence[i] = i + 1;
  shuffle (g, precedence, g->n_delegations);

  /* Who meets most: the host, then the large powers, then the others in a
   * drawn order, with Zipf-like weights 1/rank^s. */
  for (int i = 0; i < g->n_delegations; i++)
    rank[i] = i;
  if (g->n_delegations > preset->n_large + 1)
    shuffle (g, rank + preset->n_large + 1, g->n_delegations - preset->n_large - 1);

  g->cumulative = g_new (double, g->n_delegations);
  for (int i = 0; i < g->n_delegations; i++)
    {
      Delegation *d = g_ptr_array_index (g->delegations, i);

      d->precedence = precedence[i];
      d->weight = 1.0 / pow (rank[i] + 1, preset->zipf);
      total += d->weight;
      g->cumulative[i] = total;
    }
}

static gboolean
is_large (Gen *g,
          int  delegation)
{
  return delegation > 0 && delegation <= g->preset->n_large;
}

static void
size_delegations (Gen *g)
{
  g_autofree double *share = g_new (double, g->n_delegations);
  int min_size = g->n_participants >= 2 * g->n_delegations ? 2 : 1;
  double total = 0;
  int sum = 0;

  for (int i = 0; i < g->n_delegations; i++)
    {
      share[i] = i == 0 ? g->preset->host_size
               : is_large (g, i) ? g->preset->large_size
               : 0.6 + 0.8 * g_rand_double (g->rand);
      total += share[i];
    }

  for (int i = 0; i < g->n_delegations; i++)
    {
      Delegation *d = g_ptr_array_index (g->delegations, i);

      d->size = MAX (min_size, (int) (g->n_participants * share[i] / total));
      sum += d->size;
    }

  while (sum != g->n_participants)
    {
      Delegation *d = g_ptr_array_index (g->delegations, g_rand_int_range (g->rand, 0, g->n_delegations));

      if (sum < g->n_participants)
        {
          d->size++;
          sum++;
        }
      else if (d->size > min_size)
        {
          d->size--;
          sum--;
        }
    }
}

static int
day_minutes (Gen *g,
             int  day,
             int  minute)
{
  return day * 24 * 60 + minute;
}

static void
set_availability (Gen         *g,
                  Participant *p)
{
  const Preset *preset = g->preset;
  int first = day_minutes (g, 0, preset->day_start);
  int last = day_minutes (g, g->n_days - 1, preset->day_end);
  double r;

  if (g->n_days < 2)
    return;

  r = g_rand_double (g->rand);
  if (r < preset->late_arrival)
    {
      int day = range (g, 1, g->n_days - 1);
      int start = preset->day_start + 60 * range (g, 0, preset->arrival_hours);

      if (preset->arrival_hours > 0)
        day = g_rand_int_range (g->rand, 0, g->n_days);
      p->n_windows = 1;
      p->window_start[0] = day_minutes (g, day, MIN (start, preset->day_end - 60));
      p->window_end[0] = last;
    }
  else if ((r -= preset->late_arrival) < preset->early_departure)
    {
      int day = preset->arrival_hours > 0 ? g_rand_int_range (g->rand, 0, g->n_days)
                                          : range (g, 0, g->n_days - 2);
      int end = preset->day_end - 60 * range (g, 0, preset->arrival_hours);

      p->n_windows = 1;
      p->window_start[0] = first;
      p->window_end[0] = day_minutes (g, day, MAX (end, preset->day_start + 60));
    }
  else if ((r -= preset->early_departure) < preset->day_away && g->n_days >= 3)
    {
      int away = range (g, 1, g->n_days - 2);

      p->n_windows = 2;
      p->window_start[0] = first;
      p->window_end[0] = day_minutes (g, away - 1, preset->day_end);
      p->window_start[1] = day_minutes (g, away + 1, preset->day_start);
      p->window_end[1] = last;
    }
}

static void
make_participants (Gen *g)
{
  const Preset *preset = g->preset;

  size_delegations (g);

  for (int i = 0; i < g->n_delegations; i++)
    {
      Delegation *d = g_ptr_array_index (g->delegations, i);
      g_autofree char *code_lower = g_ascii_strdown (d->code2, -1);
      int n_principals, n_seniors, n_press = 0, n_interpreters = 0, n_security = 0;

      if (i == 0)
        {
          n_principals = preset->host_principals;
          n_seniors = preset->host_seniors;
        }
      else if (is_large (g, i))
        {
          n_principals = preset->large_principals;
          n_seniors = preset->large_seniors;
        }
      else
        {
          n_principals = d->size >= 12 ? 2 : 1;
          n_seniors = d->size / preset->senior_divisor;
        }
      n_principals = MIN (n_principals, d->size);
      n_seniors = MIN (n_seniors, d->size - n_principals);
      if (i == 0 || is_large (g, i))
        {
          int rest = d->size - n_principals - n_seniors;

          n_press = MIN (2, rest / 6);
          n_interpreters = MIN (2, rest / 6);
          n_security = MIN (4, rest / 5);
        }
      else if (d->size >= 8)
        n_interpreters = 1;

      for (int k = 0; k < d->size; k++)
        {
          Participant *p = g_new0 (Participant, 1);
          int index = g->participants->len;
          const char *title = NULL;
          const char *organization = NULL;

          p->id = g_strdup_printf ("%s-%03d", d->code, k + 1);
          p->name = make_person_name (g, d->script);
          p->delegation = i;
          p->busy = g_array_new (FALSE, FALSE, sizeof (Busy));

          if (k < n_principals)
            {
              guint t = k % preset->n_principal_titles;

              p->role = ROLE_PRINCIPAL;
              title = preset->principal_titles[t];
              organization = preset->principal_orgs[t];
              g_array_append_val (d->principals, index);
              g_array_append_val (d->leads, index);
            }
          else
            {
              int j = k - n_principals;

              if (j < n_seniors || chance (g, 0.4))
                organization = g_str_equal (preset->name, "g20") || chance (g, 0.5)
                               ? "Ministry of Foreign Affairs"
                               : "Permanent Mission to the United Nations";

              if (j < n_seniors)
                {
                  p->role = ROLE_DELEGATE;
                  title = g_str_equal (preset->name, "g20") ? "G20 Sherpa" : PICK (g, senior_titles);
                  g_array_append_val (d->leads, index);
                }
              else
                {
                  j -= n_seniors;
                  if (j < n_press)
                    p->role = ROLE_PRESS;
                  else if (j < n_press + n_interpreters)
                    p->role = ROLE_INTERPRETER;
                  else if (j < n_press + n_interpreters + n_security)
                    p->role = ROLE_SECURITY;
                  else
                    p->role = chance (g, 0.6) ? ROLE_DELEGATE : ROLE_STAFF;

                  switch (p->role)
                    {
                    case ROLE_PRESS: title = PICK (g, press_titles); break;
                    case ROLE_INTERPRETER: title = "Interpreter"; break;
                    case ROLE_SECURITY: title = PICK (g, security_titles); organization = NULL; break;
                    case ROLE_STAFF: title = PICK (g, staff_titles); break;
                    case ROLE_DELEGATE: title = PICK (g, delegate_titles); break;
                    case ROLE_PRINCIPAL:
                    case N_ROLES:
                    default: g_assert_not_reached ();
                    }
                  g_array_append_val (d->others, index);
                }

              if (chance (g, 0.5))
                {
                  g_autofree char *id_lower = g_ascii_strdown (p->id, -1);

                  p->email = g_strdup_printf ("%s@%s.mfa.example", id_lower, code_lower);
                }
            }

          p->title = g_strdup (title);
          p->organization = g_strdup (organization);

          /* The host and the large powers' principals stay all week. */
          if (!(p->role == ROLE_PRINCIPAL && (i == 0 || is_large (g, i))))
            set_availability (g, p);

          g_ptr_array_add (g->participants, p);
        }
    }
}

/* Venues and rooms -------------------------------------------------------- */

static char *
venue_id (Gen *g,
          int  v)
{
  if ((guint) v < g->preset->n_venue_templates)
    return g_strdup (g->preset->venue_templates[v].id);
  return g_strdup_printf ("venue-%d", v + 1);
}

static void
make_rooms (Gen *g)
{
  const Preset *preset = g->preset;
  guint n = preset->n_room_templates;
  int outlying = 0;

  g->travel = g_new0 (int, g->n_venues * g->n_venues);
  for (int a = 0; a < g->n_venues; a++)
    for (int b = 0; b < g->n_venues; b++)
      if (a != b)
        g->travel[a * g->n_venues + b] = (a == 0 || b == 0) ? preset->travel : 10 + 5 * ((a + b) % 2);

  for (int i = 0; i < g->n_rooms; i++)
    {
      Room *r = g_new0 (Room, 1);
      /* Past the templates, the others again (not the hall): "Salon A (2)". */
      guint k = (guint) i < n ? 0 : i - n;
      guint round = (guint) i < n ? 1 : 2 + k / (n - 1);
      const RoomTemplate *t = (guint) i < n ? &preset->room_templates[i]
                                            : &preset->room_templates[1 + k % (n - 1)];

      if (round == 1)
        {
          r->id = g_strdup (t->id);
          r->name = g_strdup (t->name);
        }
      else
        {
          r->id = g_strdup_printf ("%s-%u", t->id, round);
          r->name = g_strdup_printf ("%s (%u)", t->name, round);
        }

      if (t->venue_slot == 0 || g->n_venues == 1)
        r->venue = 0;
      else
        r->venue = 1 + outlying++ % (g->n_venues - 1);
      r->capacity = t->capacity;
      r->kinds = t->kinds;
      r->busy = g_array_new (FALSE, FALSE, sizeof (Busy));
      g_ptr_array_add (g->rooms, r);
    }
}

static gboolean
room_serves (Room *r,
             Kind  kind)
{
  return r->kinds == 0 || (r->kinds & K (kind)) != 0;
}

/* Occupancy --------------------------------------------------------------- */

static gboolean
inside_windows (Participant *p,
                int          start,
                int          end)
{
  if (p->n_windows == 0)
    return TRUE;
  for (int w = 0; w < p->n_windows; w++)
    if (p->window_start[w] <= start && end <= p->window_end[w])
      return TRUE;
  return FALSE;
}

/* Whether a meeting [START, END) in ROOM (-1: none) with PEOPLE makes no
 * conflict. Stricter than file-format.md where that is simpler: the gap is
 * checked against every other meeting of a person, not only the next. */
static gboolean
is_free (Gen    *g,
         GArray *people,
         int     room,
         int     start,
         int     end)
{
  const Preset *preset = g->preset;
  int venue = -1;

  if (room >= 0)
    {
      Room *r = g_ptr_array_index (g->rooms, room);

      venue = r->venue;
      if ((int) people->len > r->capacity)
        return FALSE;
      for (guint i = 0; i < r->busy->len; i++)
        {
          Busy *b = &g_array_index (r->busy, Busy, i);
          int gap = start >= b->start ? start - b->end : b->start - end;

          if (gap < preset->turnover || (gap < 0))
            return FALSE;
        }
    }

  for (guint k = 0; k < people->len; k++)
    {
      Participant *p = g_ptr_array_index (g->participants, g_array_index (people, int, k));

      if (!inside_windows (p, start, end))
        return FALSE;

      for (guint i = 0; i < p->busy->len; i++)
        {
          Busy *b = &g_array_index (p->busy, Busy, i);
          int gap, need = 0;

          if (start < b->end && b->start < end)
            return FALSE;
          gap = start >= b->end ? start - b->end : b->start - end;
          if (room >= 0 && b->room >= 0 && room != b->room)
            need = preset->buffer;
          if (venue >= 0 && b->venue >= 0 && venue != b->venue)
            need = MAX (need, g->travel[venue * g->n_venues + b->venue]);
          if (gap < need)
            return FALSE;
        }
    }

  return TRUE;
}

static void
occupy (Gen    *g,
        GArray *people,
        int     room,
        int     start,
        int     end)
{
  Busy b = { start, end, room, -1 };

  if (room >= 0)
    {
      Room *r = g_ptr_array_index (g->rooms, room);

      b.venue = r->venue;
      g_array_append_val (r->busy, b);
    }

  for (guint k = 0; k < people->len; k++)
    {
      Participant *p = g_ptr_array_index (g->participants, g_array_index (people, int, k));

      g_array_append_val (p->busy, b);
    }
}

/* Meetings ---------------------------------------------------------------- */

static Meeting *
add_meeting (Gen    *g,
             Kind    kind,
             char   *title,
             int     start,
             int     end,
             int     room,
             GArray *people)
{
  Meeting *m = g_new0 (Meeting, 1);

  m->kind = kind;
  m->title = title;
  m->start = start;
  m->end = end;
  m->room = room;
  m->people = g_array_ref (people);
  m->order = g->meetings->len;
  g_ptr_array_add (g->meetings, m);
  g->kinds_made[kind]++;
  return m;
}

static void
place_sessions (Gen *g)
{
  const Preset *preset = g->preset;
  int n_sessions = g->n_days * preset->n_sessions;
  int per_session;
  g_autofree int *order = g_new (int, g->n_delegations);
  g_autofree int *speaker_session = g_new (int, g->n_delegations);
  int next = 0;
  int hall = -1;

  for (guint i = 0; i < g->rooms->len; i++)
    if (room_serves (g_ptr_array_index (g->rooms, i), KIND_PLENARY))
      {
        hall = i;
        break;
      }
  if (hall < 0 || n_sessions == 0)
    return;

  /* The speakers' list: the host first, then a drawn order. */
  for (int i = 0; i < g->n_delegations; i++)
    order[i] = i;
  shuffle (g, order + 1, g->n_delegations - 1);
  per_session = (g->n_delegations + n_sessions - 1) / n_sessions;
  memset (speaker_session, 0xff, sizeof (int) * g->n_delegations);
  for (int i = 0; i < g->n_delegations; i++)
    {
      int d = order[i];
      Delegation *del = g_ptr_array_index (g->delegations, d);
      Participant *p = g_ptr_array_index (g->participants, g_array_index (del->principals, int, 0));

      for (int s = next; s < n_sessions; s++)
        {
          const Session *session = &preset->sessions[s % preset->n_sessions];
          int day = s / preset->n_sessions;

          if (inside_windows (p, day_minutes (g, day, session->start), day_minutes (g, day, session->end)))
            {
              speaker_session[d] = s;
              break;
            }
        }
      if (i + 1 >= (next + 1) * per_session && next < n_sessions - 1)
        next++;
    }

  for (int s = 0; s < n_sessions && (int) g->meetings->len < g->n_meetings; s++)
    {
      const Session *session = &preset->sessions[s % preset->n_sessions];
      int day = s / preset->n_sessions;
      int start = day_minutes (g, day, session->start);
      int end = day_minutes (g, day, session->end);
      g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (int));
      Meeting *m;

      if (session->start < preset->day_start || session->end > preset->day_end)
        continue;

      for (int i = 0; i < g->n_delegations; i++)
        {
          int d = order[i];
          Delegation *del = g_ptr_array_index (g->delegations, d);
          int principal = g_array_index (del->principals, int, 0);

          if (session->all_principals
              ? inside_windows (g_ptr_array_index (g->participants, principal), start, end)
              : speaker_session[d] == s)
            g_array_append_val (people, principal);
        }

      m = add_meeting (g, KIND_PLENARY,
                       g_strdup_printf ("%s, day %d", session->title, day + 1),
                       start, end, hall, people);
      m->status = STATUS_CONFIRMED;
      m->locked = TRUE;
      m->sequence = range (g, 0, 1);
      occupy (g, people, hall, start, end);
    }
}

static int
pick_lead (Gen        *g,
           Delegation *d)
{
  if (chance (g, 0.5) || d->leads->len == d->principals->len)
    return pick_index (g, d->principals);
  return pick_index (g, d->leads);
}

/* Picks N_DELEGATIONS distinct delegations by weight into CHOSEN. */
static void
pick_delegations (Gen *g,
                  int *chosen,
                  int  n_delegations)
{
  for (int i = 0; i < n_delegations; i++)
    {
      gboolean again;

      do
        {
          chosen[i] = pick_delegation (g);
          again = FALSE;
          for (int j = 0; j < i; j++)
            again |= chosen[j] == chosen[i];
        }
      while (again);
    }
}

static char *
make_title (Gen        *g,
            const char *prefix,
            const int  *chosen,
            int         n)
{
  GString *s = g_string_new (prefix);

  for (int i = 0; i < n; i++)
    {
      Delegation *d = g_ptr_array_index (g->delegations, chosen[i]);

      g_string_append (s, i == 0 ? ": " : " – ");
      g_string_append (s, d->name);
    }
  return g_string_free (s, FALSE);
}

static const char *
title_prefix (Kind kind,
              int  minute)
{
  switch (kind)
    {
    case KIND_WORKING_MEAL:
      return minute < 11 * 60 ? "Working breakfast" : minute < 16 * 60 ? "Working lunch" : "Working dinner";
    case KIND_BILATERAL: return "Bilateral";
    case KIND_TRILATERAL: return "Trilateral";
    case KIND_PULL_ASIDE: return "Pull-aside";
    case KIND_MULTILATERAL: return "Ministerial meeting";
    case KIND_PRESS: return "Press conference";
    case KIND_CEREMONY: return "Signing ceremony";
    case KIND_PLENARY: return "Plenary";
    case N_KINDS:
    default: g_assert_not_reached ();
    }
}

static int
meal_window (Gen  *g,
             int  *from,
             int  *to)
{
  const Preset *preset = g->preset;

  if (chance (g, 0.7))
    {
      *from = 12 * 60;
      *to = 14 * 60 + 30;
      return range (g, 0, 1) ? 60 : 90;
    }
  *from = 18 * 60;
  *to = MAX (preset->day_end, 18 * 60 + 90);
  return 90;
}

static void
place_meeting (Gen *g)
{
  const Preset *preset = g->preset;

  for (;;)
    {
      static const guint bilateral_durations[] = { 20, 30, 30, 30, 30, 45, 45, 60 };
      Kind kind = pick_weighted (g, preset->meeting_mix, N_KINDS);
      int chosen[8];
      int n_chosen, n_companions, duration;
      int from = preset->day_start;
      int to = preset->day_end;
      gboolean roomless = FALSE;
      g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GArray) rooms = g_array_new (FALSE, FALSE, sizeof (int));
      gboolean cancelled = chance (g, 0.03);
      int max_capacity = 0;

      g->attempts++;

      switch (kind)
        {
        case KIND_BILATERAL: n_chosen = 2; n_companions = pick_weighted (g, (guint[]) { 30, 40, 20, 10 }, 4);
          duration = PICK (g, bilateral_durations); roomless = chance (g, preset->roomless); break;
        case KIND_PULL_ASIDE: n_chosen = 2; n_companions = 0; duration = range (g, 0, 1) ? 10 : 15;
          roomless = chance (g, 0.5); break;
        case KIND_TRILATERAL: n_chosen = 3; n_companions = range (g, 0, 1); duration = range (g, 0, 1) ? 45 : 60;
          roomless = chance (g, preset->roomless / 2); break;
        case KIND_WORKING_MEAL: n_chosen = range (g, 2, 4); n_companions = range (g, 0, 1);
          duration = meal_window (g, &from, &to); roomless = chance (g, preset->roomless); break;
        case KIND_MULTILATERAL: n_chosen = range (g, 4, 8); n_companions = 0; duration = 60 + 30 * range (g, 0, 2); break;
        case KIND_PRESS: n_chosen = 1; n_companions = range (g, 1, 2); duration = range (g, 0, 1) ? 30 : 45; break;
        case KIND_CEREMONY: n_chosen = 2; n_companions = 1; duration = 30; break;
        case KIND_PLENARY:
        case N_KINDS:
        default: continue;
        }
      n_chosen = MIN (n_chosen, g->n_delegations);
      if (n_chosen < 2 && kind != KIND_PRESS)
        continue;
      from = MAX (from, preset->day_start);
      to = MIN (to, preset->day_end);
      if (to - from < duration)
        {
          from = preset->day_start;
          to = preset->day_end;
          if (to - from < duration)
            continue;
        }

      pick_delegations (g, chosen, n_chosen);
      for (int i = 0; i < n_chosen; i++)
        {
          Delegation *d = g_ptr_array_index (g->delegations, chosen[i]);
          int lead = pick_lead (g, d);

          g_array_append_val (people, lead);
          for (int c = 0; c < n_companions && (guint) c < d->others->len; c++)
            {
              int other = pick_index (g, d->others);

              if (!array_contains (people, other))
                g_array_append_val (people, other);
            }
        }

      for (guint i = 0; i < g->rooms->len; i++)
        {
          Room *r = g_ptr_array_index (g->rooms, i);

          if (room_serves (r, kind))
            {
              max_capacity = MAX (max_capacity, r->capacity);
              if (r->capacity >= (int) people->len)
                g_array_append_val (rooms, i);
            }
        }
      /* Nowhere to seat them all: the leads alone, else draw again. */
      if (rooms->len == 0 && max_capacity >= n_chosen)
        {
          g_array_set_size (people, 0);
          for (int i = 0; i < n_chosen; i++)
            {
              Delegation *d = g_ptr_array_index (g->delegations, chosen[i]);
              int lead = pick_lead (g, d);

              g_array_append_val (people, lead);
            }
          for (guint i = 0; i < g->rooms->len; i++)
            if (room_serves (g_ptr_array_index (g->rooms, i), kind))
              g_array_append_val (rooms, i);
        }
      if (rooms->len == 0 && !roomless)
        continue;

      if (cancelled)
        {
          int day = g_rand_int_range (g->rand, 0, g->n_days);
          int minute = from + 5 * range (g, 0, (to - from - duration) / 5);
          int start = day_minutes (g, day, minute);
          Meeting *m = add_meeting (g, kind, make_title (g, title_prefix (kind, minute), chosen, n_chosen),
                                    start, start + duration,
                                    roomless || rooms->len == 0 ? -1 : pick_index (g, rooms), people);

          m->status = STATUS_CANCELLED;
          m->sequence = range (g, 1, 3);
          return;
        }

      /* Try a few rooms, every start of a day in a drawn order. */
      for (int tries = 0; tries < 6; tries++)
        {
          int room = roomless || rooms->len == 0 ? -1 : pick_index (g, rooms);
          int day = g_rand_int_range (g->rand, 0, g->n_days);
          int n_starts = (to - from - duration) / preset->slot + 1;
          int first = g_rand_int_range (g->rand, 0, n_starts);
          int offset = chance (g, 0.1) ? 5 : 0;

          for (int k = 0; k < n_starts; k++)
            {
              int minute = from + ((first + k) % n_starts) * preset->slot;
              int start, end;

              if (minute + offset + duration <= to)
                minute += offset;
              start = day_minutes (g, day, minute);
              end = start + duration;
              if (is_free (g, people, room, start, end))
                {
                  Meeting *m;

                  m = add_meeting (g, kind, make_title (g, title_prefix (kind, minute), chosen, n_chosen),
                                   start, end, room, people);
                  if (chance (g, 0.62))
                    {
                      m->status = STATUS_CONFIRMED;
                      m->locked = chance (g, 0.25);
                      m->sequence = range (g, 0, 3);
                    }
                  for (int t = chance (g, 0.5) ? range (g, 1, 2) : 0; t > 0; t--)
                    m->topics |= 1u << g_rand_int_range (g->rand, 0, G_N_ELEMENTS (topic_names));
                  if (room < 0 && preset->roomless_note != NULL)
                    {
                      Delegation *host = g_ptr_array_index (g->delegations, chosen[0]);

                      m->notes = g_strconcat (preset->roomless_note, host->name, ".", NULL);
                    }
                  occupy (g, people, room, start, end);
                  return;
                }
            }
        }

      if (g->attempts > 2000u * (guint) MAX (g->n_meetings, 1))
        {
          g_printerr ("mp-generate: could place only %u of %d meetings without conflicts; "
                      "ask for fewer meetings, or more days, rooms or participants\n",
                      g->meetings->len, g->n_meetings);
          exit (1);
        }
    }
}

static int
compare_meetings (gconstpointer a,
                  gconstpointer b)
{
  const Meeting *x = *(Meeting * const *) a;
  const Meeting *y = *(Meeting * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->room != y->room)
    return x->room < y->room ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Requests ---------------------------------------------------------------- */

static void
make_request (Gen *g)
{
  const Preset *preset = g->preset;
  static const guint priority_mix[N_PRIORITIES] = { 5, 20, 50, 25 };
  Request *q = g_new0 (Request, 1);
  int chosen[3];
  int n_chosen;
  int max_capacity = 0;
  const char *prefix;

  for (;;)
    {
      q->kind = pick_weighted (g, preset->request_mix, N_KINDS);
      max_capacity = 0;
      for (guint i = 0; i < g->rooms->len; i++)
        {
          Room *r = g_ptr_array_index (g->rooms, i);

          if (room_serves (r, q->kind))
            max_capacity = MAX (max_capacity, r->capacity);
        }
      n_chosen = q->kind == KIND_TRILATERAL ? 3 : q->kind == KIND_WORKING_MEAL ? range (g, 2, 3) : 2;
      n_chosen = MIN (n_chosen, g->n_delegations);
      if (max_capacity >= n_chosen || q->kind == KIND_BILATERAL)
        break;
    }

  switch (q->kind)
    {
    case KIND_BILATERAL: q->duration = chance (g, 0.6) ? 30 : 45; prefix = "Bilateral"; break;
    case KIND_TRILATERAL: q->duration = chance (g, 0.5) ? 45 : 60; prefix = "Trilateral"; break;
    case KIND_PULL_ASIDE: q->duration = 15; prefix = "Pull-aside"; break;
    case KIND_WORKING_MEAL: q->duration = chance (g, 0.5) ? 60 : 90; prefix = "Working meal"; break;
    case KIND_PLENARY:
    case KIND_MULTILATERAL:
    case KIND_PRESS:
    case KIND_CEREMONY:
    case N_KINDS:
    default: g_assert_not_reached ();
    }
  q->duration = MIN (q->duration, preset->day_end - preset->day_start);

  pick_delegations (g, chosen, n_chosen);
  q->people = g_array_new (FALSE, FALSE, sizeof (int));
  for (int i = 0; i < n_chosen; i++)
    {
      Delegation *d = g_ptr_array_index (g->delegations, chosen[i]);
      int principal = pick_index (g, d->principals);

      g_array_append_val (q->people, principal);
    }
  for (int i = 0; i < n_chosen && q->kind != KIND_PULL_ASIDE; i++)
    {
      Delegation *d = g_ptr_array_index (g->delegations, chosen[i]);

      if ((int) q->people->len < max_capacity && chance (g, preset->companion))
        {
          int companion = d->leads->len > d->principals->len && chance (g, 0.7)
                          ? pick_index (g, d->leads)
                          : d->others->len > 0 ? pick_index (g, d->others) : -1;

          if (companion >= 0 && !array_contains (q->people, companion))
            g_array_append_val (q->people, companion);
        }
    }

  if (chance (g, 0.3))
    q->title = make_title (g, prefix, chosen, n_chosen);
  q->priority = pick_weighted (g, priority_mix, N_PRIORITIES);
  q->earliest = q->latest = -1;
  if (chance (g, 0.3))
    {
      int day = g_rand_int_range (g->rand, 0, g->n_days);
      int span = MIN (chance (g, 0.7) ? 1 : 2, g->n_days - day);
      int hours = (preset->day_end - preset->day_start) / 60;
      int late_start = chance (g, 0.5) ? 60 * range (g, 0, hours / 3) : 0;
      int early_end = chance (g, 0.5) ? 60 * range (g, 0, hours / 3) : 0;

      if (span == 1 && preset->day_end - early_end - (preset->day_start + late_start) < q->duration + 60)
        late_start = early_end = 0;
      q->earliest = day_minutes (g, day, preset->day_start + late_start);
      q->latest = day_minutes (g, day + span - 1, preset->day_end - early_end);
    }

  g_ptr_array_add (g->requests, q);
}

/* Writing ----------------------------------------------------------------- */

static void
format_time (Gen  *g,
             int   minutes,
             char *buffer,
             gsize size)
{
  GDate date = g->start_date;
  int minute = minutes % (24 * 60);

  g_date_add_days (&date, minutes / (24 * 60));
  g_snprintf (buffer, size, "%04d-%02d-%02dT%02d:%02d",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
              minute / 60, minute % 60);
}

typedef struct
{
  GString     *out;
  JsonBuilder *b;
  gboolean     first;
  const char  *indent;
} Writer;

/* Each object of an array, and the conference, is built on its own and
 * written compact on a line of its own. */
static JsonBuilder *
object_begin (Writer *w)
{
  g_assert (w->b == NULL);
  w->b = json_builder_new_immutable ();
  json_builder_begin_object (w->b);
  return w->b;
}

static void
object_end (Writer *w)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  json_builder_end_object (w->b);
  node = json_builder_get_root (w->b);
  text = json_to_string (node, FALSE);
  g_string_append_printf (w->out, "%s%s%s", w->first ? "" : ",", w->indent, text);
  w->first = FALSE;
  g_clear_object (&w->b);
}

static void
array_begin (Writer     *w,
             const char *name)
{
  g_string_append_printf (w->out, ",\n  \"%s\": [", name);
  w->first = TRUE;
  w->indent = "\n    ";
}

static void
array_end (Writer *w)
{
  g_string_append (w->out, w->first ? "]" : "\n  ]");
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_time (Gen         *g,
          JsonBuilder *b,
          const char  *name,
          int          minutes)
{
  char buffer[32];

  format_time (g, minutes, buffer, sizeof buffer);
  add_string (b, name, buffer);
}

static void
add_hour (JsonBuilder *b,
          const char  *name,
          int          minutes)
{
  char buffer[8];

  g_snprintf (buffer, sizeof buffer, "%02d:%02d", minutes / 60, minutes % 60);
  add_string (b, name, buffer);
}

static void
add_people (Gen         *g,
            JsonBuilder *b,
            GArray      *people)
{
  json_builder_set_member_name (b, "participants");
  json_builder_begin_array (b);
  for (guint i = 0; i < people->len; i++)
    {
      Participant *p = g_ptr_array_index (g->participants, g_array_index (people, int, i));

      json_builder_add_string_value (b, p->id);
    }
  json_builder_end_array (b);
}

static void
write_conference (Gen    *g,
                  Writer *w)
{
  const Preset *preset = g->preset;
  Delegation *host = g_ptr_array_index (g->delegations, 0);
  GDate end = g->start_date;
  char date[16];
  JsonBuilder *b = object_begin (w);

  add_string (b, "title", preset->title);
  add_string (b, "time_zone", g->time_zone);
  g_date_strftime (date, sizeof date, "%Y-%m-%d", &g->start_date);
  add_string (b, "start_date", date);
  g_date_add_days (&end, g->n_days - 1);
  g_date_strftime (date, sizeof date, "%Y-%m-%d", &end);
  add_string (b, "end_date", date);
  add_string (b, "host", host->code);
  add_hour (b, "day_start", preset->day_start);
  add_hour (b, "day_end", preset->day_end);
  add_int (b, "slot_minutes", preset->slot);
  add_int (b, "turnover_minutes", preset->turnover);
  add_int (b, "buffer_minutes", preset->buffer);
  add_string (b, "notes", preset->notes);
  g_string_append (w->out, ",\n  \"conference\": ");
  w->first = TRUE;
  w->indent = "";
  object_end (w);
}

static void
write_places (Gen    *g,
              Writer *w)
{
  JsonBuilder *b;
  const Preset *preset = g->preset;

  array_begin (w, "venues");
  for (int v = 0; v < g->n_venues; v++)
    {
      g_autofree char *id = venue_id (g, v);

      b = object_begin (w);
      add_string (b, "id", id);
      if ((guint) v < preset->n_venue_templates)
        {
          add_string (b, "name", preset->venue_templates[v].name);
          add_string (b, "address", preset->venue_templates[v].address);
        }
      else
        {
          g_autofree char *name = g_strdup_printf ("Venue %d", v + 1);

          add_string (b, "name", name);
        }
      add_string (b, "time_zone", g->time_zone);
      object_end (w);
    }
  array_end (w);

  array_begin (w, "rooms");
  for (guint i = 0; i < g->rooms->len; i++)
    {
      Room *r = g_ptr_array_index (g->rooms, i);
      g_autofree char *venue = venue_id (g, r->venue);

      b = object_begin (w);
      add_string (b, "id", r->id);
      add_string (b, "name", r->name);
      add_string (b, "venue", venue);
      add_int (b, "capacity", r->capacity);
      if (r->kinds != 0)
        {
          json_builder_set_member_name (b, "kinds");
          json_builder_begin_array (b);
          for (int k = 0; k < N_KINDS; k++)
            if (r->kinds & K (k))
              json_builder_add_string_value (b, kind_nicks[k]);
          json_builder_end_array (b);
        }
      object_end (w);
    }
  array_end (w);

  array_begin (w, "travel");
  for (int from = 0; from < g->n_venues; from++)
    for (int to = from + 1; to < g->n_venues; to++)
      {
        g_autofree char *a = venue_id (g, from);
        g_autofree char *z = venue_id (g, to);
        g_autofree char *id = g_strdup_printf ("%s-%s", a, z);

        b = object_begin (w);
        add_string (b, "id", id);
        add_string (b, "from", a);
        add_string (b, "to", z);
        add_int (b, "minutes", g->travel[from * g->n_venues + to]);
        object_end (w);
      }
  array_end (w);
}

static void
write_people (Gen    *g,
              Writer *w)
{
  JsonBuilder *b;
  array_begin (w, "delegations");
  for (guint i = 0; i < g->delegations->len; i++)
    {
      Delegation *d = g_ptr_array_index (g->delegations, i);

      b = object_begin (w);
      add_string (b, "id", d->code);
      add_string (b, "name", d->name);
      add_string (b, "country", d->code2);
      add_int (b, "precedence", d->precedence);
      add_string (b, "home_time_zone", d->zone);
      object_end (w);
    }
  array_end (w);

  array_begin (w, "participants");
  for (guint i = 0; i < g->participants->len; i++)
    {
      Participant *p = g_ptr_array_index (g->participants, i);
      Delegation *d = g_ptr_array_index (g->delegations, p->delegation);

      b = object_begin (w);
      add_string (b, "id", p->id);
      add_string (b, "name", p->name);
      add_string (b, "delegation", d->code);
      add_string (b, "title", p->title);
      add_string (b, "organization", p->organization);
      add_string (b, "role", role_nicks[p->role]);
      add_string (b, "email", p->email);
      if (p->n_windows > 0)
        {
          json_builder_set_member_name (b, "available");
          json_builder_begin_array (b);
          for (int k = 0; k < p->n_windows; k++)
            {
              json_builder_begin_object (b);
              add_time (g, b, "start", p->window_start[k]);
              add_time (g, b, "end", p->window_end[k]);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
        }
      object_end (w);
    }
  array_end (w);
}

static void
write_meetings (Gen    *g,
                Writer *w)
{
  JsonBuilder *b;
  int width = g->meetings->len < 10000 ? 4 : 6;

  array_begin (w, "meetings");
  for (guint i = 0; i < g->meetings->len; i++)
    {
      Meeting *m = g_ptr_array_index (g->meetings, i);
      g_autofree char *id = g_strdup_printf ("m%0*u", width, i + 1);
      g_autofree char *uid = g_strdup_printf ("%08x-%04x-4%03x-a%03x-%08x%04x",
                                              g_rand_int (g->rand), g_rand_int (g->rand) & 0xffff,
                                              g_rand_int (g->rand) & 0xfff, g_rand_int (g->rand) & 0xfff,
                                              g_rand_int (g->rand), g_rand_int (g->rand) & 0xffff);

      b = object_begin (w);
      add_string (b, "id", id);
      add_string (b, "title", m->title);
      add_string (b, "kind", kind_nicks[m->kind]);
      add_time (g, b, "start", m->start);
      add_time (g, b, "end", m->end);
      if (m->room >= 0)
        add_string (b, "room", ((Room *) g_ptr_array_index (g->rooms, m->room))->id);
      add_people (g, b, m->people);
      add_string (b, "status", status_nicks[m->status]);
      if (m->topics != 0)
        {
          json_builder_set_member_name (b, "topics");
          json_builder_begin_array (b);
          for (guint t = 0; t < G_N_ELEMENTS (topic_names); t++)
            if (m->topics & (1u << t))
              json_builder_add_string_value (b, topic_names[t]);
          json_builder_end_array (b);
        }
      add_string (b, "notes", m->notes);
      if (m->locked)
        {
          json_builder_set_member_name (b, "locked");
          json_builder_add_boolean_value (b, TRUE);
        }
      add_string (b, "uid", uid);
      add_int (b, "sequence", m->sequence);
      object_end (w);
    }
  array_end (w);
}

static void
write_requests (Gen    *g,
                Writer *w)
{
  JsonBuilder *b;
  int width = g->requests->len < 10000 ? 4 : 6;

  array_begin (w, "requests");
  for (guint i = 0; i < g->requests->len; i++)
    {
      Request *q = g_ptr_array_index (g->requests, i);
      g_autofree char *id = g_strdup_printf ("r%0*u", width, i + 1);

      b = object_begin (w);
      add_string (b, "id", id);
      add_string (b, "title", q->title);
      add_string (b, "kind", kind_nicks[q->kind]);
      add_people (g, b, q->people);
      add_int (b, "duration_minutes", q->duration);
      add_string (b, "priority", priority_nicks[q->priority]);
      if (q->earliest >= 0)
        {
          add_time (g, b, "earliest", q->earliest);
          add_time (g, b, "latest", q->latest);
        }
      object_end (w);
    }
  array_end (w);
}

/* The plan with one object on a line: a fraction of the size of
 * json-glib's pretty output, and still easy to read and to diff. */
static char *
write_plan (Gen   *g,
            gsize *length)
{
  Writer writer = { g_string_new ("{\n  \"format\": \"ministerial-plan\",\n  \"version\": 1"),
                   NULL, TRUE, "" };
  Writer *w = &writer;

  write_conference (g, w);
  write_places (g, w);
  write_people (g, w);
  write_meetings (g, w);
  write_requests (g, w);
  g_string_append (w->out, "\n}\n");

  *length = w->out->len;
  return g_string_free (w->out, FALSE);
}

/* Checks and main --------------------------------------------------------- */

/* Local times in the plan are written as wall-clock minutes: refuse dates on
 * which the zone changes its offset during conference hours. */
static gboolean
check_zone (Gen     *g,
            GError **error)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (g->time_zone);

  if (tz == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--time-zone: \"%s\" is not a time zone of the tz database", g->time_zone);
      return FALSE;
    }

  for (int day = 0; day < g->n_days; day++)
    {
      GDate date = g->start_date;
      g_autoptr(GDateTime) open = NULL;
      g_autoptr(GDateTime) close = NULL;

      g_date_add_days (&date, day);
      open = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                              g->preset->day_start / 60, g->preset->day_start % 60, 0);
      close = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                               g->preset->day_end / 60, g->preset->day_end % 60, 0);
      if (open == NULL || close == NULL
          || g_date_time_get_utc_offset (open) != g_date_time_get_utc_offset (close))
        {
          char text[16];

          g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "%s changes its UTC offset during conference hours on %s: pick other dates",
                       g->time_zone, text);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_number (const char  *name,
              int          value,
              int          lo,
              int          hi,
              GError     **error)
{
  if (value >= lo && value <= hi)
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "--%s: %d is out of range (%d to %d)", name, value, lo, hi);
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *preset_name = NULL;
  g_autofree char *start_date = NULL;
  g_autofree char *time_zone = NULL;
  g_auto(GStrv) remaining = NULL;
  int delegations = -1, participants = -1, days = -1, venues = -1, rooms = -1, meetings = -1, requests = -1;
  gint64 seed = 2026;
  GOptionEntry entries[] = {
    { "preset", 0, 0, G_OPTION_ARG_STRING, &preset_name, "Start from a preset: un (the default) or g20", "NAME" },
    { "delegations", 0, 0, G_OPTION_ARG_INT, &delegations, "Number of delegations", "N" },
    { "participants", 0, 0, G_OPTION_ARG_INT, &participants, "Number of participants", "N" },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, "Number of conference days", "N" },
    { "venues", 0, 0, G_OPTION_ARG_INT, &venues, "Number of venues", "N" },
    { "rooms", 0, 0, G_OPTION_ARG_INT, &rooms, "Number of rooms", "N" },
    { "meetings", 0, 0, G_OPTION_ARG_INT, &meetings, "Number of meetings", "N" },
    { "requests", 0, 0, G_OPTION_ARG_INT, &requests, "Number of requests", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random choices (default 2026)", "N" },
    { "start-date", 0, 0, G_OPTION_ARG_STRING, &start_date, "First day", "YYYY-MM-DD" },
    { "time-zone", 0, 0, G_OPTION_ARG_STRING, &time_zone, "The conference's IANA time zone", "ZONE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &remaining, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("OUT (a .ministerial file, or - for standard output)");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 began = g_get_monotonic_time ();
  gint64 elapsed;
  gsize length;
  Gen gen = { 0 };
  Gen *g = &gen;
  int year, month, day;
  char end_check;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
                                "Writes a plan file for the benchmarks, the same for the same options and seed.\n"
                                "Its meetings have no conflicts except the cancelled ones.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("mp-generate: %s\n", error->message);
      return 2;
    }

  if (remaining == NULL || remaining[0] == NULL || remaining[1] != NULL)
    {
      g_printerr ("mp-generate: give exactly one output file (\"-\" for standard output); see --help\n");
      return 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_strcmp0 (preset_name == NULL ? "un" : preset_name, presets[i].name) == 0)
      g->preset = &presets[i];
  if (g->preset == NULL)
    {
      g_printerr ("mp-generate: --preset: unknown preset \"%s\" (un, g20)\n", preset_name);
      return 2;
    }

  g->n_delegations = delegations >= 0 ? delegations : g->preset->delegations;
  g->n_participants = participants >= 0 ? participants : g->preset->participants;
  g->n_days = days >= 0 ? days : g->preset->days;
  g->n_venues = venues >= 0 ? venues : g->preset->venues;
  g->n_rooms = rooms >= 0 ? rooms : g->preset->rooms;
  g->n_meetings = meetings >= 0 ? meetings : g->preset->meetings;
  g->n_requests = requests >= 0 ? requests : g->preset->requests;
  g->time_zone = time_zone != NULL ? time_zone : g->preset->time_zone;

  if (!check_number ("delegations", g->n_delegations, 2, 10000, &error)
      || !check_number ("participants", g->n_participants, g->n_delegations, 1000000, &error)
      || !check_number ("days", g->n_days, 1, 366, &error)
      || !check_number ("rooms", g->n_rooms, 1, 10000, &error)
      || !check_number ("venues", g->n_venues, 1, g->n_rooms, &error)
      || !check_number ("meetings", g->n_meetings, 0, 10000000, &error)
      || !check_number ("requests", g->n_requests, 0, 10000000, &error))
    {
      g_printerr ("mp-generate: %s\n", error->message);
      return 2;
    }
  if (seed < 0 || seed > G_MAXUINT32)
    {
      g_printerr ("mp-generate: --seed: %" G_GINT64_FORMAT " is out of range (0 to %u)\n", seed, G_MAXUINT32);
      return 2;
    }
  g->seed = (guint32) seed;

  if (start_date == NULL)
    start_date = g_strdup (g->preset->start_date);
  if (strlen (start_date) != 10
      || sscanf (start_date, "%4d-%2d-%2d%c", &year, &month, &day, &end_check) != 3
      || !g_date_valid_dmy (day, month, year))
    {
      g_printerr ("mp-generate: --start-date: \"%s\" is not a date written YYYY-MM-DD\n", start_date);
      return 2;
    }
  g_date_clear (&g->start_date, 1);
  g_date_set_dmy (&g->start_date, day, month, year);

  if (!check_zone (g, &error))
    {
      g_printerr ("mp-generate: %s\n", error->message);
      return 2;
    }

  g->rand = g_rand_new_with_seed (g->seed);
  g->delegations = g_ptr_array_new_with_free_func (delegation_free);
  g->participants = g_ptr_array_new_with_free_func (participant_free);
  g->rooms = g_ptr_array_new_with_free_func (room_free);
  g->meetings = g_ptr_array_new_with_free_func (meeting_free);
  g->requests = g_ptr_array_new_with_free_func (request_free);

  make_delegations (g);
  make_participants (g);
  make_rooms (g);
  place_sessions (g);
  while ((int) g->meetings->len < g->n_meetings)
    place_meeting (g);
  g_ptr_array_sort (g->meetings, compare_meetings);
  for (int i = 0; i < g->n_requests; i++)
    make_request (g);

  text = write_plan (g, &length);

  if (g_str_equal (remaining[0], "-"))
    {
      if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_printerr ("mp-generate: could not write to standard output\n");
          return 1;
        }
    }
  else if (!g_file_set_contents_full (remaining[0], text, length,
                                      G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
    {
      g_printerr ("mp-generate: %s\n", error->message);
      return 1;
    }

  elapsed = g_get_monotonic_time () - began;
  g_printerr ("mp-generate: %s preset, seed %u: %d delegations, %d participants, %d rooms, "
              "%u meetings (%u plenary, %u bilateral), %u requests; %" G_GSIZE_FORMAT " bytes in %.1f ms "
              "(%u placement attempts)\n",
              g->preset->name, g->seed, g->n_delegations, g->n_participants, g->n_rooms,
              g->meetings->len, g->kinds_made[KIND_PLENARY], g->kinds_made[KIND_BILATERAL],
              g->requests->len, length, elapsed / 1000.0, g->attempts);

  g_ptr_array_unref (g->requests);
  g_ptr_array_unref (g->meetings);
  g_ptr_array_unref (g->rooms);
  g_ptr_array_unref (g->participants);
  g_ptr_array_unref (g->delegations);
  g_free (g->cumulative);
  g_free (g->travel);
  g_rand_free (g->rand);
  return 0;
}
