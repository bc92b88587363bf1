/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mp-json"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mp-json.h"

/* Deeper than any plan goes; the reader recurses, so a hostile file must
 * not be able to exhaust the stack. */
#define MAX_DEPTH 512

typedef struct _Block Block;

struct _Block
{
  Block *next;
  gsize  used;
  gsize  size;
  char   data[];
};

struct _MpJsonDocument
{
  Block       *blocks;
  MpJsonValue  root;
  gboolean     has_root;
};

typedef struct
{
  MpJsonDocument *doc;
  const char     *p;
  const char     *end;
  guint           depth;
  GArray         *items;        /* the open arrays' items, innermost last */
  GArray         *members;      /* the open objects' members, likewise */
  const char     *error_at;
  char           *message;
} Parser;

/* The arena -------------------------------------------------------------- */

static gpointer
arena_alloc (MpJsonDocument *doc,
             gsize           size)
{
  Block *block = doc->blocks;

  size = (size + 7) & ~(gsize) 7;
  if (block == NULL || block->size - block->used < size)
    {
      gsize block_size = MAX (size, block != NULL ? block->size * 2 : 64 * 1024);

      block = g_malloc (sizeof (Block) + block_size);
      block->used = 0;
      block->size = block_size;
      block->next = doc->blocks;
      doc->blocks = block;
    }

  block->used += size;
  return block->data + block->used - size;
}

static gpointer
arena_copy (MpJsonDocument *doc,
            gconstpointer   data,
            gsize           size)
{
  gpointer copy;

  if (size == 0)
    return NULL;
  copy = arena_alloc (doc, size);
  memcpy (copy, data, size);
  return copy;
}

/* Errors ----------------------------------------------------------------- */

static gboolean
fail_at (Parser     *ps,
         const char *at,
         char       *message)
{
  if (ps->message == NULL)
    {
      ps->error_at = at;
      ps->message = message;
    }
  return FALSE;
}

/* The character at p as a message shows it: itself, or U+XXXX when it
 * cannot be seen. */
static char *
describe_char (const char *p,
               const char *end)
{
  gunichar c = g_utf8_get_char_validated (p, end - p);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    return g_strdup ("?");
  if (!g_unichar_isgraph (c))
    return g_strdup_printf ("U+%04X", c);
  return g_strndup (p, g_utf8_next_char (p) - p);
}

/* What stands at p: a word whole, else one character. */
static char *
describe_token (const char *p,
                const char *end)
{
  const char *word_end = p;

  while (word_end < end && word_end - p < 40 && (g_ascii_isalnum (*word_end) || *word_end == '_'))
    word_end++;
  if (word_end - p > 1)
    return g_strndup (p, word_end - p);

  return describe_char (p, end);
}

/* expected is a phrase: "a value", "“,” or “}”", ... */
static gboolean
fail_expected (Parser     *ps,
               const char *expected)
{
  g_autofree char *found = NULL;

  if (ps->p >= ps->end)
    /* Translators: %s is what should follow, such as “a value” or ““,” or “}”” */
    return fail_at (ps, ps->p, g_strdup_printf (_("the file ends where %s should be"), expected));

  found = describe_token (ps->p, ps->end);
  if (*ps->p == '\'')
    /* Translators: the second %s is what should be there, such as “a value” */
    return fail_at (ps, ps->p, g_strdup_printf (_("found “%s” where %s should be; JSON strings and names use double quotes"),
                                                found, expected));

  /* Translators: the first %s is a character of the file, the second what
   * should be there, such as “a value” or ““,” or “}”” */
  return fail_at (ps, ps->p, g_strdup_printf (_("found “%s” where %s should be"), found, expected));
}

/* Scanning --------------------------------------------------------------- */

static inline void
skip_space (Parser *ps)
{
  const char *p = ps->p;

  /* Lines are counted only when there is an error to place. */
  while (p < ps->end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
    p++;
  ps->p = p;
}

static gboolean parse_value (Parser      *ps,
                             MpJsonValue *out);

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits at p, or -1. */
static int
read_hex4 (const char *p,
           const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;
  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* Decodes the escapes of the string body from..to into out, which has
 * room: no escape decodes to more bytes than it takes. */
static gboolean
unescape (Parser     *ps,
          const char *from,
          const char *to,
          char       *out)
{
  const char *p = from;

  while (p < to)
    {
      const char *escape = p;
      int unit;
      gunichar c;

      if (*p != '\\')
        {
          *out++ = *p++;
          continue;
        }

      p++;
      switch (*p)
        {
        case '"':  *out++ = '"';  p++; continue;
        case '\\': *out++ = '\\'; p++; continue;
        case '/':  *out++ = '/';  p++; continue;
        case 'b':  *out++ = '\b'; p++; continue;
        case 'f':  *out++ = '\f'; p++; continue;
        case 'n':  *out++ = '\n'; p++; continue;
        case 'r':  *out++ = '\r'; p++; continue;
        case 't':  *out++ = '\t'; p++; continue;
        case 'u':  break;
        default:
          {
            g_autofree char *found = describe_char (p, to);

            return fail_at (ps, escape, g_strdup_printf (_("“\\%s” is not an escape JSON knows"), found));
          }
        }

      unit = read_hex4 (p + 1, to);
      p += 5;
      if (unit >= 0xd800 && unit < 0xdc00 && to - p >= 6 && p[0] == '\\' && p[1] == 'u')
        {
          int low = read_hex4 (p + 2, to);

          if (low >= 0xdc00 && low < 0xe000)
            {
              unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
              p += 6;
            }
        }
      if (unit < 0 || (unit >= 0xd800 && unit < 0xe000))
        return fail_at (ps, escape, g_strdup (_("a “\\u” escape must give four hexadecimal digits of a Unicode character")));
      if (unit == 0)
        return fail_at (ps, escape, g_strdup (_("a string holds “\\u0000”, a character plans cannot hold")));

      c = unit;
      out += g_unichar_to_utf8 (c, out);
    }

  *out = '\0';
  return TRUE;
}

static gboolean
parse_string (Parser      *ps,
              const char **out)
{
  const char *begin = ps->p + 1;
  const char *p = begin;
  gboolean escaped = FALSE;
  char *copy;

  for (;;)
    {
      guchar c;

      if (p >= ps->end)
        return fail_at (ps, ps->p, g_strdup (_("the string that begins here has no closing quote")));

      c = *p;
      if (c == '"')
        break;
      if (c == '\\')
        {
          escaped = TRUE;
          p += 2;
          continue;
        }
      if (c < 0x20)
        return fail_at (ps, p, g_strdup (_("a string holds a line break or another control character; "
                                           "write it as an escape such as “\\n”, or close the string")));
      p++;
    }

  copy = arena_alloc (ps->doc, p - begin + 1);
  if (!escaped)
    {
      memcpy (copy, begin, p - begin);
      copy[p - begin] = '\0';
    }
  else if (!unescape (ps, begin, p, copy))
    return FALSE;

  ps->p = p + 1;
  *out = copy;
  return TRUE;
}

static gboolean
fail_number (Parser     *ps,
             const char *begin,
             const char *p)
{
  g_autofree char *text = NULL;

  while (p < ps->end && (g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '+'))
    p++;
  text = g_strndup (begin, MIN (p - begin, 40));
  return fail_at (ps, begin, g_strdup_printf (_("“%s” is not a JSON number"), text));
}

static gboolean
parse_number (Parser      *ps,
              MpJsonValue *out)
{
  const char *begin = ps->p;
  const char *p = begin;
  const char *end = ps->end;
  gboolean negative = FALSE, whole = TRUE, overflow = FALSE;
  guint64 magnitude = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (p >= end || !g_ascii_isdigit (*p))
    return fail_number (ps, begin, p);

  if (*p == '0')
    p++;
  else
    while (p < end && g_ascii_isdigit (*p))
      {
        guint digit = *p++ - '0';

        if (magnitude > (G_MAXUINT64 - digit) / 10)
          overflow = TRUE;
        else
          magnitude = magnitude * 10 + digit;
      }

  if (p < end && *p == '.')
    {
      whole = FALSE;
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return fail_number (ps, begin, p);
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      whole = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return fail_number (ps, begin, p);
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  /* A whole number too large for 64 bits is kept as a double, as
   * json-glib does. */
  if (whole && !overflow &&
      magnitude <= (negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64))
    {
      out->type = MP_JSON_INTEGER;
      out->integer = negative ? (gint64) (0 - magnitude) : (gint64) magnitude;
    }
  else
    {
      g_autofree char *text = g_strndup (begin, p - begin);

      out->type = MP_JSON_DOUBLE;
      out->number = g_ascii_strtod (text, NULL);
    }

  ps->p = p;
  return TRUE;
}

static gboolean
parse_word (Parser      *ps,
            MpJsonValue *out)
{
  static const struct { const char *word; MpJsonType type; gboolean value; } words[] = {
    { "true", MP_JSON_BOOLEAN, TRUE },
    { "false", MP_JSON_BOOLEAN, FALSE },
    { "null", MP_JSON_NULL, FALSE },
  };
  const char *p = ps->p;
  g_autofree char *word = NULL;

  while (p < ps->end && g_ascii_isalnum (*p))
    p++;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if ((gsize) (p - ps->p) == strlen (words[i].word) &&
        memcmp (ps->p, words[i].word, p - ps->p) == 0)
      {
        out->type = words[i].type;
        out->boolean = words[i].value;
        ps->p = p;
        return TRUE;
      }

  word = g_strndup (ps->p, MIN (p - ps->p, 40));
  /* Translators: %s is a word of the file where a value should be */
  return fail_at (ps, ps->p, g_strdup_printf (_("“%s” is not a JSON value: a value is a string "
                                                 "in double quotes, a number, an object, an array, "
                                                 "true, false or null"), word));
}

static gboolean
enter (Parser *ps)
{
  if (++ps->depth <= MAX_DEPTH)
    return TRUE;

  return fail_at (ps, ps->p, g_strdup_printf (_("values are nested more than %d levels deep"), MAX_DEPTH));
}

static gboolean
parse_array (Parser      *ps,
             MpJsonValue *out)
{
  guint mark = ps->items->len;

  if (!enter (ps))
    return FALSE;
  ps->p++;
  skip_space (ps);
  if (ps->p < ps->end && *ps->p == ']')
    ps->p++;
  else
    for (;;)
      {
        MpJsonValue item;

        if (!parse_value (ps, &item))
          return FALSE;
        g_array_append_val (ps->items, item);

        skip_space (ps);
        if (ps->p < ps->end && *ps->p == ',')
          {
            ps->p++;
            skip_space (ps);
            continue;
          }
        if (ps->p < ps->end && *ps->p == ']')
          {
            ps->p++;
            break;
          }
        /* Translators: what should come next, in “the file ends where %s should be” */
        return fail_expected (ps, _("“,” or “]”"));
      }

  out->type = MP_JSON_ARRAY;
  out->length = ps->items->len - mark;
  out->items = arena_copy (ps->doc, &g_array_index (ps->items, MpJsonValue, mark),
                           out->length * sizeof (MpJsonValue));
  g_array_set_size (ps->items, mark);
  ps->depth--;
  return TRUE;
}

static gboolean
parse_object (Parser      *ps,
              MpJsonValue *out)
{
  guint mark = ps->members->len;

  if (!enter (ps))
    return FALSE;
  ps->p++;
  skip_space (ps);
  if (ps->p < ps->end && *ps->p == '}')
    ps->p++;
  else
    for (;;)
      {
        MpJsonMember member;

        if (ps->p >= ps->end || *ps->p != '"')
          /* Translators: what should come next, in “the file ends where %s should be” */
          return fail_expected (ps, _("a member name in double quotes"));
        if (!parse_string (ps, &member.name))
          return FALSE;

        skip_space (ps);
        if (ps->p >= ps->end || *ps->p != ':')
          /* Translators: what should come next, in “the file ends where %s should be” */
          return fail_expected (ps, _("“:” after the member name"));
        ps->p++;
        skip_space (ps);

        if (!parse_value (ps, &member.value))
          return FALSE;
        g_array_append_val (ps->members, member);

        skip_space (ps);
        if (ps->p < ps->end && *ps->p == ',')
          {
            ps->p++;
            skip_space (ps);
            continue;
          }
        if (ps->p < ps->end && *ps->p == '}')
          {
            ps->p++;
            break;
          }
        /* Translators: what should come next, in “the file ends where %s should be” */
        return fail_expected (ps, _("“,” or “}”"));
      }

  out->type = MP_JSON_OBJECT;
  out->length = ps->members->len - mark;
  out->members = arena_copy (ps->doc, &g_array_index (ps->members, MpJsonMember, mark),
                             out->length * sizeof (MpJsonMember));
  g_array_set_size (ps->members, mark);
  ps->depth--;
  return TRUE;
}

static gboolean
parse_value (Parser      *ps,
             MpJsonValue *out)
{
  out->length = 0;
  if (ps->p < ps->end)
    switch (*ps->p)
      {
      case '{':
        return parse_object (ps, out);
      case '[':
        return parse_array (ps, out);
      case '"':
        out->type = MP_JSON_STRING;
        return parse_string (ps, &out->string);
      case '-':
      case '0': case '1': case '2': case '3': case '4':
      case '5': case '6': case '7': case '8': case '9':
        return parse_number (ps, out);
      default:
        if (g_ascii_isalpha (*ps->p))
          return parse_word (ps, out);
        break;
      }

  /* Translators: what should come next, in “the file ends where %s should be” */
  return fail_expected (ps, _("a value"));
}

/* The document ----------------------------------------------------------- */

MpJsonDocument *
mp_json_document_parse (const char      *text,
                        gsize            length,
                        MpJsonPosition  *position,
                        char           **message)
{
  MpJsonDocument *doc;
  Parser ps = { NULL, text, text + length, 0, NULL, NULL, NULL, NULL };
  const char *line_start = text;
  gboolean ok = TRUE;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  doc = ps.doc = g_new0 (MpJsonDocument, 1);

  /* A byte order mark is not JSON, but editors on some systems add one. */
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    ps.p = line_start = text + 3;

  ps.items = g_array_sized_new (FALSE, FALSE, sizeof (MpJsonValue), 256);
  ps.members = g_array_sized_new (FALSE, FALSE, sizeof (MpJsonMember), 256);

  skip_space (&ps);
  if (ps.p < ps.end)
    {
      ok = parse_value (&ps, &doc->root);
      doc->has_root = ok;
      if (ok)
        {
          skip_space (&ps);
          if (ps.p < ps.end)
            {
              g_autofree char *found = describe_token (ps.p, ps.end);

              ok = fail_at (&ps, ps.p, g_strdup_printf (_("found “%s” after the end of the document"), found));
            }
        }
    }

  g_array_unref (ps.items);
  g_array_unref (ps.members);

  if (ok)
    return doc;

  position->line = 1;
  for (const char *p = line_start; p < ps.error_at; p++)
    if (*p == '\n')
      {
        position->line++;
        line_start = p + 1;
      }
  position->column = g_utf8_strlen (line_start, ps.error_at - line_start) + 1;
  *message = ps.message;
  mp_json_document_free (doc);
  return NULL;
}

const MpJsonValue *
mp_json_document_get_root (MpJsonDocument *self)
{
  return self->has_root ? &self->root : NULL;
}

void
mp_json_document_free (MpJsonDocument *self)
{
  while (self->blocks != NULL)
    {
      Block *next = self->blocks->next;

      g_free (self->blocks);
      self->blocks = next;
    }
  g_free (self);
}

const MpJsonValue *
mp_json_object_get (const MpJsonValue *object,
                    const char        *name)
{
  g_return_val_if_fail (object->type == MP_JSON_OBJECT, NULL);

  /* The first byte tells most names apart: a plan's objects have a dozen
   * members and the reader asks for each of them. */
  for (guint i = object->length; i > 0; i--)
    {
      const char *candidate = object->members[i - 1].name;

      if (candidate[0] == name[0] && strcmp (candidate, name) == 0)
        return &object->members[i - 1].value;
    }

  return NULL;
}

JsonNode *
mp_json_to_node (const MpJsonValue *value)
{
  switch (value->type)
    {
    case MP_JSON_NULL:
      return json_node_new (JSON_NODE_NULL);

    case MP_JSON_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), value->boolean);

    case MP_JSON_INTEGER:
      return json_node_init_int (json_node_alloc (), value->integer);

    case MP_JSON_DOUBLE:
      return json_node_init_double (json_node_alloc (), value->number);

    case MP_JSON_STRING:
      return json_node_init_string (json_node_alloc (), value->string);

    case MP_JSON_ARRAY:
      {
        JsonArray *array = json_array_sized_new (value->length);

        JsonNode *node = json_node_new (JSON_NODE_ARRAY);

        for (guint i = 0; i < value->length; i++)
          json_array_add_element (array, mp_json_to_node (&value->items[i]));
        json_node_take_array (node, array);
        return node;
      }

    case MP_JSON_OBJECT:
    default:
      {
        JsonObject *object = json_object_new ();

        JsonNode *node = json_node_new (JSON_NODE_OBJECT);

        for (guint i = 0; i < value->length; i++)
          json_object_set_member (object, value->members[i].name,
                                  mp_json_to_node (&value->members[i].value));
        json_node_take_object (node, object);
        return node;
      }
    }
}
