/*
 * Incremental builds: a job runs only when what it reads has changed
 * since the build in out/; otherwise its files from that build serve.
 * The keys: a global one (the generator, theme, site.yaml, glossary,
 * pictograms, logo, options), one per item (its files in every language),
 * and one for all items together (for listings and bundles).
 */
#ifndef KT_INCR_H
#define KT_INCR_H

#include <glib.h>

#include "model/model.h"
#include "build/manifest.h"

struct kt_incr {
	struct kt_manifest *prev;	/* the build in out/, or NULL */
	struct kt_manifest *next;	/* this build */
	struct kt_writer *w;
	char *global;
	char *all;
	GHashTable *items;		/* struct kt_item * -> key */
};

/* The key of a job that reads it (NULL: all items), or only the global. */
char *kt_incr_key(const struct kt_incr *, const struct kt_item *it,
    gboolean global_only);

/* The key of a job that reads just these items (a bundle, tip cards). */
char *kt_incr_key_of(const struct kt_incr *, GPtrArray *items);

/* Runs fn(data), or reuses job's files when key is what it was. */
void kt_incr_run(struct kt_incr *, const char *job, const char *key,
    void (*fn)(void *), void *data);

#endif
