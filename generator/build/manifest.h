/*
 * The manifest of a build: for each job (a page, a PDF, the pages of a
 * bank), the key of what it read and the files it wrote. The next build
 * reuses a job's files when its key is the same, by hard-linking them
 * from the live out/ into the new tree, and renders only the rest; the
 * tree is swapped in whole as always. When nothing changed at all, out/
 * is left as it is.
 */
#ifndef KT_MANIFEST_H
#define KT_MANIFEST_H

#include <glib.h>

#include "out/writer.h"

struct kt_manifest;

/* The manifest of the build in out_dir, or an empty one (none there, or
 * one of another format); each is the caller's, freed with
 * kt_manifest_free. */
struct kt_manifest *kt_manifest_load(const char *out_dir);
struct kt_manifest *kt_manifest_new(const char *out_dir);
void kt_manifest_free(struct kt_manifest *);

/*
 * Whether job's files from the previous build can serve: same key, every
 * file still there with the size and digest it was written with (a
 * damaged file makes the job run again). If so they are recorded in
 * next, and linked into the new tree by kt_manifest_link.
 */
gboolean kt_manifest_reuse(struct kt_manifest *prev, struct kt_manifest *next,
    const char *job, const char *key);
/* Records what a job that ran wrote (the files are taken over). */
void kt_manifest_record(struct kt_manifest *next, const char *job,
    const char *key, GPtrArray *files);
/* Links the files of the reused jobs into w on up to threads threads;
 * once, after every job. */
gboolean kt_manifest_link(struct kt_manifest *next, struct kt_writer *w,
    int threads, GError **err);
/* The text of the manifest, with the files w wrote outside any job; the
 * caller frees it with g_free. */
char *kt_manifest_text(const struct kt_manifest *, struct kt_writer *w);
/*
 * Whether the new build is the previous one: every job reused, the same
 * jobs, the same files written outside them, all in out/ as written.
 */
gboolean kt_manifest_unchanged(const struct kt_manifest *prev,
    const struct kt_manifest *next, const char *text);
/* Jobs reused and run, for the summary. */
void kt_manifest_counts(const struct kt_manifest *, guint *reused,
    guint *run);

/*
 * The stamps of the files of every job as they are in the tree w writes,
 * or with w NULL in the manifest's out/ (size, time, inode), to be
 * written as KT_STAMPS once they are all there: the next build reads none
 * of the files that still have them. The caller frees the text with
 * g_free.
 */
char *kt_manifest_stamps(const struct kt_manifest *,
    const struct kt_writer *w);

/* How many jobs of the build in out/ had a file to read: its stamp did
 * not match (0: every file looked at was known by its stamp). */
guint kt_manifest_read(const struct kt_manifest *prev);

/* Records: beside out/, never in it (out/writer.h) */
#define KT_MANIFEST KT_RECORDS "manifest"
#define KT_STAMPS KT_RECORDS "stamps"

#endif
