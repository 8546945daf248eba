/*
 * Loading one content file (an assignment, an evening, a tip or a talk, in one
 * language) into the model. Checks everything that one file and the
 * vocabularies can tell; checks across files are in load.c.
 */
#ifndef KT_ITEM_H
#define KT_ITEM_H

#include "diag.h"
#include "load/file.h"
#include "load/schema.h"
#include "load/yaml.h"
#include "model/model.h"

/* A content file, read and split, its front matter parsed. */
struct kt_parsed {
	char *text;
	char *digest;		/* SHA-256 of text, as kt_text->digest */
	struct kt_ynode *front;	/* a mapping */
	struct kt_front f;	/* points into text */
};

/*
 * Reads path (inside root, when not NULL) into p; FALSE after reporting
 * why. Free p with kt_parsed_free either way.
 */
gboolean kt_parse_file(const char *path, const char *root, struct kt_diag *,
    struct kt_parsed *p);
void kt_parsed_free(struct kt_parsed *);

/*
 * Loads the Dutch source of an item into a new item, or a translation of
 * an already loaded item (source != NULL), adding the text to it.
 * Returns NULL for a file so broken nothing could be read from it. A new
 * item is the caller's (kt_item_free); a translation belongs to source.
 */
struct kt_item *kt_load_source(enum kt_kind, const char *path,
    const char *slug, const char *root, const struct kt_model *,
    struct kt_diag *);
struct kt_text *kt_load_translation(struct kt_item *source, const char *path,
    const char *lang, const char *root, const struct kt_model *,
    struct kt_diag *);

/*
 * A translation's bron: the first KT_BRON_LEN hex digits of the digest of
 * the Dutch text it was made from (kt_text->digest).
 */
#define KT_BRON_LEN 12

/*
 * Whether a translation carries key, a text it translates from the Dutch:
 * a field of the front matter (section NULL), of "thuis" or of one of its
 * "stappen". vertaling and bron are a translation's own, not translated.
 */
gboolean kt_translated_field(enum kt_kind, const char *section,
    const char *key);

/*
 * What talk.c shares with the other types: the pictogram named by key
 * (NULL after reporting a name that is none; the caller frees it) and
 * leerjaar, as a list or per school type, into it.
 */
char *kt_item_pictogram(const struct kt_ctx *, const char *key,
    gboolean required, const struct kt_model *);
void kt_item_years(const struct kt_ctx *, struct kt_item *);

/* Deeper Markdown (quotes, lists, emphasis) is refused. */
#define KT_MAX_MD_DEPTH 64

/* Reports raw HTML, links with schemes that are not allowed, and
 * nesting deeper than KT_MAX_MD_DEPTH. */
void kt_md_check(const struct kt_md *, struct kt_diag *);

#endif
