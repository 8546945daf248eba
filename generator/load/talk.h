/*
 * The talk guide (gesprek): the three-way talk of pupil, parent and
 * mentor. The family's part is translated; which talk it is, its years,
 * its parts and the assignments it looks back at come from the Dutch
 * file only. item.c reads what every type shares and calls these.
 */
#ifndef KT_LOAD_TALK_H
#define KT_LOAD_TALK_H

#include "load/schema.h"

/* The fields of a Dutch talk guide and of its translation (NULL-ended). */
extern const char *const kt_talk_keys[];
extern const char *const kt_talk_tr_keys[];

/* The Dutch file's own fields: soort, facets, gezin and mentor. */
void kt_load_talk(const struct kt_ctx *, struct kt_item *, struct kt_text *,
    const struct kt_model *);
/* A translation's gezin: intro and the questions, as many as in Dutch. */
void kt_load_talk_family(const struct kt_ctx *, struct kt_text *,
    const struct kt_text *source);
/* Whether key in section ("gezin", or NULL at the top) is translated. */
gboolean kt_talk_translated(const char *section, const char *key);
/* A talk guide has no text below its front matter: reports one. */
/*
 * The digest a talk guide's translations name in bron: of what they
 * translate (titel, samenvatting, gezin in the Dutch front matter), so
 * that an edit of the mentor's part, which stays Dutch, leaves them
 * current. SHA-256 in hex; the caller frees it with g_free.
 */
char *kt_talk_origin(const struct kt_ynode *front);
void kt_talk_body(const char *path, const char *body, int body_line,
    struct kt_diag *);

#endif
