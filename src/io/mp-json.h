/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A JSON document read into one arena: the plan reader's tree.
 *
 * json-glib's parser builds a tree of reference-counted nodes and a hash
 * table per object, and freeing it costs as much again; on a UN-sized
 * plan that alone took most of the time a load may take. This reader
 * keeps values in place in a few large blocks, freed at once, and says
 * where the text stops being JSON by line and column. Values the plan
 * reader does not know are handed on as json-glib nodes (mp_json_to_node)
 * so that a save writes them back. */

typedef enum
{
  MP_JSON_NULL,
  MP_JSON_BOOLEAN,
  MP_JSON_INTEGER,
  MP_JSON_DOUBLE,
  MP_JSON_STRING,
  MP_JSON_ARRAY,
  MP_JSON_OBJECT,
} MpJsonType;

typedef struct _MpJsonValue  MpJsonValue;
typedef struct _MpJsonMember MpJsonMember;

struct _MpJsonValue
{
  MpJsonType type;
  guint      length;            /* items of an array, members of an object */
  union
  {
    gboolean      boolean;
    gint64        integer;
    double        number;
    const char   *string;       /* UTF-8, NUL-terminated */
    MpJsonValue  *items;
    MpJsonMember *members;      /* in the order of the text */
  };
};

struct _MpJsonMember
{
  const char  *name;
  MpJsonValue  value;
};

typedef struct _MpJsonDocument MpJsonDocument;

/* Where parsing stopped, for the message. */
typedef struct
{
  guint line;                   /* from 1 */
  guint column;                 /* in characters, from 1 */
} MpJsonPosition;

/* Reads text (valid UTF-8, as the caller has checked). On failure returns
 * NULL, sets *position and *message (a translated description of what is
 * wrong, free with g_free). A text of nothing but white space gives a
 * document whose root is NULL. */
MpJsonDocument    *mp_json_document_parse    (const char      *text,
                                              gsize            length,
                                              MpJsonPosition  *position,
                                              char           **message);
const MpJsonValue *mp_json_document_get_root (MpJsonDocument  *self);
void               mp_json_document_free     (MpJsonDocument  *self);

/* The member called name, the last one when a name is repeated; NULL when
 * there is none. */
const MpJsonValue *mp_json_object_get        (const MpJsonValue *object,
                                              const char        *name);
/* A copy of value as a json-glib node. */
JsonNode          *mp_json_to_node           (const MpJsonValue *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpJsonDocument, mp_json_document_free)

G_END_DECLS
