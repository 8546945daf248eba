/*
 * Loading one content file (an assignment, an evening or a tip, in one
 * language) into the model. Checks everything that one file and the
 * vocabularies can tell; checks across files are in load.c.
 */
#ifndef KT_ITEM_H
#define KT_ITEM_H

#include "diag.h"
#include "model/model.h"

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

/* Deeper Markdown (quotes, lists, emphasis) is refused. */
#define KT_MAX_MD_DEPTH 64

/* Reports raw HTML, links with schemes that are not allowed, and
 * nesting deeper than KT_MAX_MD_DEPTH. */
void kt_md_check(const struct kt_md *, struct kt_diag *);

#endif
