/*
 * The output writer: a build writes into a temporary folder beside out/
 * and swaps it in only when everything succeeded, so a failed or killed
 * build never leaves a half-written site. A lock keeps two builds of the
 * same out/ apart; leftovers of a killed build are removed on the next.
 *
 * The build's own records (paths under KT_RECORDS: the manifest, the
 * stamps, the kept chunks) are written the same way into a second tree,
 * swapped in as .<out>.keukentafel/ beside out/ right after out/: they
 * are never published.
 */
#ifndef KT_WRITER_H
#define KT_WRITER_H

#include <glib.h>

struct kt_writer;

/*
 * Locks and prepares; NULL with *err set when it cannot. Trees are
 * removed on up to threads threads (the build's -j). The writer is freed
 * by kt_writer_commit or kt_writer_abort.
 */
struct kt_writer *kt_writer_open(const char *out_dir, int threads,
    GError **err);
/* Paths under this go to the records beside out/, never into out/. */
#define KT_RECORDS ".keukentafel/"

/*
 * Where rel of the build in out_dir is: out_dir/rel, or for a record
 * (under KT_RECORDS) .<out>.keukentafel/ beside it. The caller frees it
 * with g_free.
 */
char *kt_out_file(const char *out_dir, const char *rel);
/* The records' folder beside out_dir; the caller frees it with g_free. */
char *kt_records_dir(const char *out_dir);

/* The folder being written (borrowed), for renderers that open files
 * themselves. */
const char *kt_writer_root(const struct kt_writer *);
/* Full path for a relative output path, which the caller frees with
 * g_free; creates parent folders. */
char *kt_writer_path(struct kt_writer *, const char *rel, GError **err);
/*
 * Where to read a file of this build: written by a job that ran, or, for
 * a job reused, in out/ (linked in only after every job). The caller
 * frees the path with g_free.
 */
char *kt_writer_source(const struct kt_writer *, const char *rel);
/* Where rel is in the tree being written (whether or not it is there
 * yet); the caller frees it with g_free. */
char *kt_writer_file(const struct kt_writer *, const char *rel);
gboolean kt_writer_put(struct kt_writer *, const char *rel, const void *data,
    size_t len, GError **err);
/* The same, with the file's MD5 (hex) that the caller has computed
 * already: a joined PDF's, from kt_pdf_join_finish(). */
gboolean kt_writer_put_summed(struct kt_writer *, const char *rel,
    const void *data, size_t len, const char *md5, GError **err);
gboolean kt_writer_copy(struct kt_writer *, const char *rel,
    const char *from, GError **err);
/*
 * Swaps the new tree in and removes the old one, then the new records;
 * frees the writer. Each swap is atomic; between the two, records that
 * do not match out/ only cost the next build reading its files (a reused
 * file must have the digest the records give).
 */
gboolean kt_writer_commit(struct kt_writer *, GError **err);
/* Removes the temporary tree and frees the writer. */
void kt_writer_abort(struct kt_writer *);

/*
 * Files written by this thread are also added to files (a GPtrArray of
 * paths relative to out/), until called again with NULL: how a job learns
 * what it wrote, for the manifest.
 */
void kt_writer_track(GPtrArray *files);
gint kt_writer_cmp(gconstpointer, gconstpointer);
/*
 * The files written so far outside any job (assets, feeds, the sitemap),
 * added to names in order, and one digest of their names and contents,
 * which the caller frees with g_free.
 */
char *kt_writer_untracked(struct kt_writer *, GPtrArray *names);

/*
 * What the manifest keeps of a file's bytes, to know them again: their
 * size and digest, as "size<TAB>digest". The caller frees it with g_free.
 * MD5: it tells a damaged file from the one written (someone who can
 * write a crafted file can rewrite the manifest too), at a third of the
 * time of SHA-256, which a build with nothing changed spent mostly on it.
 */
#define KT_SUM_DIGEST G_CHECKSUM_MD5
char *kt_file_sum(const void *data, size_t len);
/* The sum of rel as this build wrote it, or NULL when it wrote no such
 * file. The caller frees it with g_free. */
char *kt_writer_sum(struct kt_writer *, const char *rel);

/* rm -rf, without following links. */
void kt_remove_tree(const char *path);

#endif
