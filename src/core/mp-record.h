/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MP_TYPE_RECORD (mp_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (MpRecord, mp_record, MP, RECORD, GObject)

/* The common parent of every object of a plan: it carries the object's id
 * and the members a newer tool wrote that this version does not know, so
 * that a save writes them back unchanged. */
struct _MpRecordClass
{
  GObjectClass parent_class;
};

const char *mp_record_get_id    (MpRecord   *self);
void        mp_record_set_id    (MpRecord   *self,
                                 const char *id);
JsonObject *mp_record_get_extra (MpRecord   *self);
void        mp_record_set_extra (MpRecord   *self,
                                 JsonObject *extra);

/* A record being filled before anyone can watch it (the plan reader's)
 * skips its notifications: at the size of a UN week they took a fifth of
 * a load. Set it back before the record is shown or added to a plan. */
void        mp_record_set_quiet  (MpRecord    *self,
                                  gboolean     quiet);
/* Notifies pspec, unless the record is quiet. */
void        mp_record_notify     (MpRecord    *self,
                                  GParamSpec  *pspec);

/* Shared by the subclasses' setters: replaces *field when it differs and
 * notifies pspec. Returns TRUE when something changed. */
gboolean    mp_record_set_string (MpRecord    *self,
                                  char       **field,
                                  const char  *value,
                                  GParamSpec  *pspec);
gboolean    mp_record_set_int    (MpRecord    *self,
                                  int         *field,
                                  int          value,
                                  GParamSpec  *pspec);
gboolean    mp_record_set_strv   (MpRecord    *self,
                                  char      ***field,
                                  const char * const *value,
                                  GParamSpec  *pspec);

/* Getter and setter pairs for the plain members of the subclasses; each
 * expects a `properties` array of GParamSpecs in the including file. */
#define MP_STRING_ACCESSORS(Type, prefix, IS, field, PROP)                    \
  const char *                                                                \
  prefix##_get_##field (Type *self)                                           \
  {                                                                           \
    g_return_val_if_fail (IS (self), NULL);                                   \
    return self->field;                                                       \
  }                                                                           \
  void                                                                        \
  prefix##_set_##field (Type       *self,                                     \
                        const char *value)                                    \
  {                                                                           \
    g_return_if_fail (IS (self));                                             \
    mp_record_set_string (MP_RECORD (self), &self->field, value,              \
                          properties [PROP]);                                 \
  }

#define MP_SCALAR_ACCESSORS(Type, prefix, IS, ctype, field, PROP)             \
  ctype                                                                       \
  prefix##_get_##field (Type *self)                                           \
  {                                                                           \
    g_return_val_if_fail (IS (self), 0);                                      \
    return self->field;                                                       \
  }                                                                           \
  void                                                                        \
  prefix##_set_##field (Type  *self,                                          \
                        ctype  value)                                         \
  {                                                                           \
    g_return_if_fail (IS (self));                                             \
    if (self->field == value)                                                 \
      return;                                                                 \
    self->field = value;                                                      \
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP]);            \
  }

#define MP_STRV_ACCESSORS(Type, prefix, IS, field, PROP)                      \
  const char * const *                                                        \
  prefix##_get_##field (Type *self)                                           \
  {                                                                           \
    g_return_val_if_fail (IS (self), NULL);                                   \
    return (const char * const *) self->field;                                \
  }                                                                           \
  void                                                                        \
  prefix##_set_##field (Type               *self,                             \
                        const char * const *value)                            \
  {                                                                           \
    g_return_if_fail (IS (self));                                             \
    mp_record_set_strv (MP_RECORD (self), &self->field, value,                \
                        properties [PROP]);                                   \
  }

G_END_DECLS
