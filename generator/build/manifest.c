/*
 * A first line with the format, then one line a job: id, key, then for
 * each file it wrote its path, size and digest, tab-separated. A file
 * is reused only while it has the size and digest it was written with:
 * a chunk damaged among the records is drawn again, never read. A
 * manifest of another format (or none) reuses nothing.
 *
 * Beside it, the stamps: each file's size, modification time
 * and inode as the build left them. A file that still has them is taken
 * as written without being read, as make and git take a file; any other
 * is read and its digest compared. They are kept apart from the
 * manifest, which stays the same for the same build, as every file the
 * build makes does; the stamps are a cache, different on every disk.
 * Thread-safe: jobs record from their threads.
 */
#define _GNU_SOURCE
#include "build/manifest.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FORMAT "keukentafel manifest 2"

/* not a job: the files written outside jobs, and a hash of them */
#define UNTRACKED "untracked"

struct entry {
	char *key;
	GPtrArray *files;	/* paths inside out/, sorted */
	GPtrArray *sums;	/* each one's kt_file_sum(); NULL for a job
				 * that ran: the writer has them */
};

struct kt_manifest {
	char *out;		/* the live out/ the files come from */
	GHashTable *stamps;	/* path -> stamp, into stamps_text */
	char *stamps_text;	/* the file as loaded, cut into strings */
	gint read;		/* atomic: jobs whose files were read */
	char *text;		/* as loaded; NULL for a new one */
	GHashTable *jobs;	/* id -> struct entry */
	GPtrArray *links;	/* files of reused jobs, linked at the end */
	GMutex lock;
	guint reused, run;
};

static void
entry_free(struct entry *e)
{
	g_free(e->key);
	g_ptr_array_free(e->files, TRUE);
	if (e->sums != NULL)
		g_ptr_array_free(e->sums, TRUE);
	g_free(e);
}

struct kt_manifest *
kt_manifest_new(const char *out_dir)
{
	struct kt_manifest *m = g_new0(struct kt_manifest, 1);

	m->out = g_strdup(out_dir);
	m->stamps = g_hash_table_new(g_str_hash, g_str_equal);
	m->jobs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    (GDestroyNotify)entry_free);
	m->links = g_ptr_array_new_with_free_func(g_free);
	g_mutex_init(&m->lock);
	return m;
}

/* A size and a digest in hex, as kt_file_sum() writes them. */
static gboolean
valid_sum(const char *size, const char *digest)
{
	size_t n = strlen(digest);

	if (!g_ascii_string_to_unsigned(size, 10, 0, G_MAXUINT64, NULL, NULL) ||
	    n != 2 * (size_t)g_checksum_type_get_length(KT_SUM_DIGEST))
		return FALSE;
	for (size_t i = 0; i < n; i++)
		if (!g_ascii_isxdigit(digest[i]))
			return FALSE;
	return TRUE;
}

/* The fields of a line (id, key, then path, size, digest for each
 * file) as an entry; NULL when they are not that. */
static struct entry *
parse_entry(char **f)
{
	guint n = g_strv_length(f);
	struct entry *e;

	if (n < 2 || (n - 2) % 3 != 0)
		return NULL;
	for (guint i = 2; i < n; i += 3)
		if (!valid_sum(f[i + 1], f[i + 2]))
			return NULL;
	e = g_new0(struct entry, 1);
	e->key = g_strdup(f[1]);
	e->files = g_ptr_array_new_with_free_func(g_free);
	e->sums = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 2; i < n; i += 3) {
		g_ptr_array_add(e->files, g_strdup(f[i]));
		g_ptr_array_add(e->sums, g_strconcat(f[i + 1], "\t", f[i + 2],
		    NULL));
	}
	return e;
}

/* A file's stamp: size, modification time in nanoseconds and inode; NULL
 * when it is no regular file. The caller frees it with g_free. */
static char *
stamp_of(const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return NULL;
	return g_strdup_printf("%lld:%lld.%09ld:%llu", (long long)st.st_size,
	    (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec,
	    (unsigned long long)st.st_ino);
}

/* The stamps the build in m->out left, "path TAB stamp" a line: the
 * text is kept and cut in place, the table points into it. */
static void
load_stamps(struct kt_manifest *m)
{
	char *path = kt_out_file(m->out, KT_STAMPS);
	char *line, *end, *tab;

	if (!g_file_get_contents(path, &m->stamps_text, NULL, NULL)) {
		g_free(path);
		return;
	}
	g_free(path);
	for (line = m->stamps_text; *line != '\0'; line = end) {
		end = strchr(line, '\n');
		end = end != NULL ? (*end = '\0', end + 1) : line + strlen(line);
		tab = strchr(line, '\t');
		if (tab != NULL && tab[1] != '\0') {
			*tab = '\0';
			g_hash_table_replace(m->stamps, line, tab + 1);
		}
	}
}

struct kt_manifest *
kt_manifest_load(const char *out_dir)
{
	struct kt_manifest *m = kt_manifest_new(out_dir);
	char *path = kt_out_file(out_dir, KT_MANIFEST);
	char *text;
	char **lines;

	if (!g_file_get_contents(path, &text, NULL, NULL)) {
		g_free(path);
		return m;
	}
	g_free(path);
	lines = g_strsplit(text, "\n", -1);
	/* an older format, or not a manifest: nothing to reuse */
	if (lines[0] == NULL || strcmp(lines[0], FORMAT) != 0) {
		g_strfreev(lines);
		g_free(text);
		return m;
	}
	for (char **l = lines + 1; *l != NULL; l++) {
		char **f = g_strsplit(*l, "\t", -1);
		struct entry *e = parse_entry(f);

		/* a line that cannot be read: that job runs again */
		if (e != NULL)
			g_hash_table_replace(m->jobs, g_strdup(f[0]), e);
		g_strfreev(f);
	}
	g_strfreev(lines);
	m->text = text;
	load_stamps(m);
	return m;
}

void
kt_manifest_free(struct kt_manifest *m)
{
	if (m == NULL)
		return;
	g_hash_table_destroy(m->jobs);
	g_hash_table_destroy(m->stamps);
	g_free(m->stamps_text);
	g_ptr_array_free(m->links, TRUE);
	g_mutex_clear(&m->lock);
	g_free(m->text);
	g_free(m->out);
	g_free(m);
}

/*
 * Is rel in the out/ of m a file of the size and digest in sum? One that
 * still has the stamp the build left is; any other is read.
 */
static gboolean
intact(const struct kt_manifest *m, const char *rel, const char *sum,
    gboolean *read)
{
	char *path = kt_out_file(m->out, rel);
	const char *was = g_hash_table_lookup(m->stamps, rel);
	char *now = was != NULL ? stamp_of(path) : NULL;
	GMappedFile *f = NULL;
	GStatBuf st;
	gboolean same = FALSE;

	if (now != NULL && strcmp(now, was) == 0 &&
	    g_ascii_strtoull(now, NULL, 10) == g_ascii_strtoull(sum, NULL,
	    10)) {
		g_free(now);
		g_free(path);
		return TRUE;
	}
	g_free(now);
	*read = TRUE;
	/* the size first: a truncated file is not read */
	if (g_lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    (guint64)st.st_size == g_ascii_strtoull(sum, NULL, 10) &&
	    (f = g_mapped_file_new(path, FALSE, NULL)) != NULL) {
		char *got = kt_file_sum(g_mapped_file_get_contents(f),
		    g_mapped_file_get_length(f));

		same = strcmp(got, sum) == 0;
		g_free(got);
		g_mapped_file_unref(f);
	}
	g_free(path);
	return same;
}

/* Are the files of e in the out/ of m as they were written? *read is
 * set when one had to be read. */
static gboolean
all_intact(const struct kt_manifest *m, const struct entry *e,
    gboolean *read)
{
	for (guint i = 0; i < e->files->len; i++)
		if (!intact(m, g_ptr_array_index(e->files, i),
		    g_ptr_array_index(e->sums, i), read))
			return FALSE;
	return TRUE;
}

static GPtrArray *
strv_copy(const GPtrArray *a)
{
	GPtrArray *c = g_ptr_array_new_full(a->len, g_free);

	for (guint i = 0; i < a->len; i++)
		g_ptr_array_add(c, g_strdup(g_ptr_array_index(a, i)));
	return c;
}

/* e as job's entry in next, counted as reused or run. */
static void
put_entry(struct kt_manifest *next, const char *job, struct entry *e,
    gboolean reused)
{
	g_mutex_lock(&next->lock);
	g_hash_table_replace(next->jobs, g_strdup(job), e);
	if (reused) {
		for (guint i = 0; i < e->files->len; i++)
			g_ptr_array_add(next->links, g_strdup(
			    g_ptr_array_index(e->files, i)));
		next->reused++;
	} else {
		next->run++;
	}
	g_mutex_unlock(&next->lock);
}

gboolean
kt_manifest_reuse(struct kt_manifest *prev, struct kt_manifest *next,
    const char *job, const char *key)
{
	const struct entry *e;
	struct entry *copy;
	gboolean read = FALSE, same;

	if (prev == NULL)
		return FALSE;
	/* prev is only read once loaded: no lock needed */
	e = g_hash_table_lookup(prev->jobs, job);
	if (e == NULL || strcmp(e->key, key) != 0)
		return FALSE;
	same = all_intact(prev, e, &read);
	if (read)
		g_atomic_int_inc(&prev->read);
	if (!same)
		return FALSE;
	copy = g_new0(struct entry, 1);
	copy->key = g_strdup(key);
	copy->files = strv_copy(e->files);
	copy->sums = strv_copy(e->sums);
	put_entry(next, job, copy, TRUE);
	return TRUE;
}

struct links {
	const struct kt_manifest *m;
	struct kt_writer *w;
	GPtrArray *rels;	/* borrowed from m->links */
	char *error;		/* the first failure */
};

static void
link_some(gpointer data, gpointer unused)
{
	struct links *l = data;

	(void)unused;
	for (guint i = 0; i < l->rels->len && l->error == NULL; i++) {
		const char *rel = g_ptr_array_index(l->rels, i);
		char *from = kt_out_file(l->m->out, rel);
		GError *err = NULL;
		char *to = kt_writer_path(l->w, rel, &err);

		if (to != NULL && link(from, to) != 0)
			kt_writer_copy(l->w, rel, from, &err);
		if (err != NULL) {
			l->error = g_strdup_printf("cannot reuse %s from the "
			    "previous build (%s); build again", from,
			    err->message);
			g_error_free(err);
		}
		g_free(to);
		g_free(from);
	}
}

/*
 * The files of the reused jobs, hard-linked from the live out/ into the
 * new tree, a top-level folder (a language) per thread: the file system
 * takes a lock per folder.
 */
gboolean
kt_manifest_link(struct kt_manifest *next, struct kt_writer *w,
    int threads, GError **err)
{
	GHashTable *groups = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, NULL);
	GPtrArray *all = g_ptr_array_new();
	GThreadPool *pool = g_thread_pool_new(link_some, NULL, MAX(1, threads),
	    FALSE, NULL);
	gboolean ok = TRUE;

	for (guint i = 0; i < next->links->len; i++) {
		const char *rel = g_ptr_array_index(next->links, i);
		const char *slash = strchr(rel, '/');
		char *top = slash ? g_strndup(rel, (gsize)(slash - rel)) :
		    g_strdup("");
		struct links *l = g_hash_table_lookup(groups, top);

		if (l == NULL) {
			l = g_new0(struct links, 1);
			l->m = next;
			l->w = w;
			l->rels = g_ptr_array_new();
			g_hash_table_insert(groups, top, l);
			g_ptr_array_add(all, l);
		} else {
			g_free(top);
		}
		g_ptr_array_add(l->rels, (gpointer)rel);
	}
	for (guint i = 0; i < all->len; i++)
		g_thread_pool_push(pool, g_ptr_array_index(all, i), NULL);
	g_thread_pool_free(pool, FALSE, TRUE);
	for (guint i = 0; i < all->len; i++) {
		struct links *l = g_ptr_array_index(all, i);

		if (l->error != NULL && ok) {
			g_set_error_literal(err, G_FILE_ERROR,
			    G_FILE_ERROR_FAILED, l->error);
			ok = FALSE;
		}
		g_free(l->error);
		g_ptr_array_free(l->rels, TRUE);
		g_free(l);
	}
	g_ptr_array_free(all, TRUE);
	g_hash_table_destroy(groups);
	return ok;
}

void
kt_manifest_record(struct kt_manifest *next, const char *job,
    const char *key, GPtrArray *files)
{
	struct entry *e = g_new0(struct entry, 1);

	e->key = g_strdup(key);
	e->files = files;
	g_ptr_array_sort(e->files, kt_writer_cmp);
	/* a file asked for twice (a PDF is opened, then repaired) once */
	for (guint i = 1; i < e->files->len;)
		if (strcmp(g_ptr_array_index(e->files, i),
		    g_ptr_array_index(e->files, i - 1)) == 0)
			g_ptr_array_remove_index(e->files, i);
		else
			i++;
	put_entry(next, job, e, FALSE);
}

static gint
cmp_key(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A file's path, size and digest; "-" for what the writer does not know
 * (the next build then runs its job again). */
static void
put_file(GString *s, const char *rel, const char *sum)
{
	g_string_append_printf(s, "\t%s\t%s", rel, sum != NULL ? sum :
	    "-\t-");
}

/*
 * The manifest as written: its format, a line per job, sorted, so it is
 * the same for any number of threads; then the files written by no job,
 * with one hash of their names and contents.
 */
char *
kt_manifest_text(const struct kt_manifest *m, struct kt_writer *w)
{
	GString *s = g_string_new(FORMAT "\n");
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	guint n;
	gpointer *keys = g_hash_table_get_keys_as_array(m->jobs, &n);
	char *sum;

	qsort(keys, n, sizeof *keys, cmp_key);
	for (guint i = 0; i < n; i++) {
		const struct entry *e = g_hash_table_lookup(m->jobs, keys[i]);

		g_string_append_printf(s, "%s\t%s", (char *)keys[i], e->key);
		for (guint j = 0; j < e->files->len; j++) {
			const char *rel = g_ptr_array_index(e->files, j);
			char *now = e->sums != NULL ? NULL :
			    kt_writer_sum(w, rel);

			put_file(s, rel, e->sums != NULL ?
			    g_ptr_array_index(e->sums, j) : now);
			g_free(now);
		}
		g_string_append_c(s, '\n');
	}
	g_free(keys);
	sum = kt_writer_untracked(w, names);
	g_string_append_printf(s, "%s\t%s", UNTRACKED, sum);
	for (guint i = 0; i < names->len; i++) {
		char *now = kt_writer_sum(w, g_ptr_array_index(names, i));

		put_file(s, g_ptr_array_index(names, i), now);
		g_free(now);
	}
	g_string_append_c(s, '\n');
	g_free(sum);
	g_ptr_array_free(names, TRUE);
	return g_string_free(s, FALSE);
}

gboolean
kt_manifest_unchanged(const struct kt_manifest *prev,
    const struct kt_manifest *next, const char *text)
{
	const struct entry *e;
	gboolean read = FALSE;	/* the few files outside jobs: no stamps */

	if (prev == NULL || prev->text == NULL || next->run > 0 ||
	    strcmp(prev->text, text) != 0)
		return FALSE;
	/* the files of reused jobs were looked at; these were not */
	e = g_hash_table_lookup(prev->jobs, UNTRACKED);
	return e == NULL || all_intact(prev, e, &read);
}

void
kt_manifest_counts(const struct kt_manifest *m, guint *reused, guint *run)
{
	*reused = m->reused;
	*run = m->run;
}

char *
kt_manifest_stamps(const struct kt_manifest *m, const struct kt_writer *w)
{
	GString *s = g_string_new(NULL);
	guint n;
	gpointer *keys = g_hash_table_get_keys_as_array(m->jobs, &n);

	qsort(keys, n, sizeof *keys, cmp_key);
	for (guint i = 0; i < n; i++) {
		const struct entry *e = g_hash_table_lookup(m->jobs, keys[i]);

		for (guint j = 0; j < e->files->len; j++) {
			const char *rel = g_ptr_array_index(e->files, j);
			char *path = w != NULL ? kt_writer_file(w, rel) :
			    kt_out_file(m->out, rel);
			char *stamp = stamp_of(path);

			if (stamp != NULL)
				g_string_append_printf(s, "%s\t%s\n", rel,
				    stamp);
			g_free(stamp);
			g_free(path);
		}
	}
	g_free(keys);
	return g_string_free(s, FALSE);
}

guint
kt_manifest_read(const struct kt_manifest *m)
{
	return (guint)g_atomic_int_get(&((struct kt_manifest *)m)->read);
}
