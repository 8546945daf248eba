/*
 * Incremental builds: a job runs only when what it reads has changed
 * since the build in out/; otherwise its files from that build serve.
 * The keys: a global one (the generator, theme, site.yaml, glossary,
 * pictograms, logo, options), one per item (its files in every language),
 * and one for all items together (for listings).
 */
#ifndef KT_INCR_H
#define KT_INCR_H

#include <glib.h>

#include "build/manifest.h"
#include "build/plan.h"

struct kt_incr {
	struct kt_manifest *prev;	/* the build in out/, or NULL */
	struct kt_manifest *next;	/* this build */
	struct kt_writer *w;
	char *global;
	char *all;
	GHashTable *items;		/* struct kt_item * -> key */
};

/*
 * The keys of a build of content (with its theme) into out, as the
 * loader read the files, and the manifest of the build in out. The
 * caller frees it with kt_incr_free.
 */
struct kt_incr *kt_incr_new(const char *content, const char *theme,
    const char *out, const struct kt_model *, const struct kt_render_opts *,
    struct kt_writer *);
void kt_incr_free(struct kt_incr *);

/* The key of what a job reads; the caller frees it with g_free. */
char *kt_incr_key(const struct kt_incr *, const struct kt_plan_job *);

/* Runs fn(data), or reuses job's files when key is what it was. */
void kt_incr_run(struct kt_incr *, const char *job, const char *key,
    void (*fn)(void *), void *data);

#endif
