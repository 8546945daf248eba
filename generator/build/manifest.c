/*
 * One line a job: id, key, then the files it wrote, tab-separated.
 * Thread-safe: jobs record from their threads.
 */
#define _GNU_SOURCE
#include "build/manifest.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

/* not a job: the files written outside jobs, and a hash of them */
#define UNTRACKED "untracked"

struct entry {
	char *key;
	GPtrArray *files;
};

struct kt_manifest {
	char *out;		/* the live out/ the files come from */
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
	g_free(e);
}

struct kt_manifest *
kt_manifest_new(const char *out_dir)
{
	struct kt_manifest *m = g_new0(struct kt_manifest, 1);

	m->out = g_strdup(out_dir);
	m->jobs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    (GDestroyNotify)entry_free);
	m->links = g_ptr_array_new_with_free_func(g_free);
	g_mutex_init(&m->lock);
	return m;
}

struct kt_manifest *
kt_manifest_load(const char *out_dir)
{
	struct kt_manifest *m = kt_manifest_new(out_dir);
	char *path = g_build_filename(out_dir, KT_MANIFEST, NULL);
	char *text;
	char **lines;

	if (!g_file_get_contents(path, &text, NULL, NULL)) {
		g_free(path);
		return m;
	}
	lines = g_strsplit(text, "\n", -1);
	for (char **l = lines; *l != NULL; l++) {
		char **f = g_strsplit(*l, "\t", -1);
		struct entry *e;

		if (g_strv_length(f) >= 2) {
			e = g_new0(struct entry, 1);
			e->key = g_strdup(f[1]);
			e->files = g_ptr_array_new_with_free_func(g_free);
			for (char **x = f + 2; *x != NULL; x++)
				g_ptr_array_add(e->files, g_strdup(*x));
			g_hash_table_replace(m->jobs, g_strdup(f[0]), e);
		}
		g_strfreev(f);
	}
	g_strfreev(lines);
	m->text = text;
	g_free(path);
	return m;
}

void
kt_manifest_free(struct kt_manifest *m)
{
	if (m == NULL)
		return;
	g_hash_table_destroy(m->jobs);
	g_ptr_array_free(m->links, TRUE);
	g_mutex_clear(&m->lock);
	g_free(m->text);
	g_free(m->out);
	g_free(m);
}

/* Are the files of e still in the out/ of m? */
static gboolean
all_there(const struct kt_manifest *m, const struct entry *e)
{
	for (guint i = 0; i < e->files->len; i++) {
		char *path = g_build_filename(m->out,
		    g_ptr_array_index(e->files, i), NULL);
		gboolean there = g_file_test(path, G_FILE_TEST_IS_REGULAR);

		g_free(path);
		if (!there)
			return FALSE;
	}
	return TRUE;
}

gboolean
kt_manifest_reuse(struct kt_manifest *prev, struct kt_manifest *next,
    const char *job, const char *key)
{
	struct entry *e;
	GPtrArray *files;

	if (prev == NULL)
		return FALSE;
	/* prev is only read once loaded: no lock needed */
	e = g_hash_table_lookup(prev->jobs, job);
	if (e == NULL || strcmp(e->key, key) != 0)
		return FALSE;
	if (!all_there(prev, e))
		return FALSE;
	files = g_ptr_array_new_full(e->files->len, g_free);
	g_mutex_lock(&next->lock);
	for (guint i = 0; i < e->files->len; i++) {
		const char *rel = g_ptr_array_index(e->files, i);

		g_ptr_array_add(files, g_strdup(rel));
		g_ptr_array_add(next->links, g_strdup(rel));
	}
	g_mutex_unlock(&next->lock);
	kt_manifest_record(next, job, key, files);
	g_mutex_lock(&next->lock);
	next->reused++;
	next->run--;		/* record counted it as run */
	g_mutex_unlock(&next->lock);
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
		char *from = g_build_filename(l->m->out, rel, NULL);
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
	g_mutex_lock(&next->lock);
	g_hash_table_replace(next->jobs, g_strdup(job), e);
	next->run++;
	g_mutex_unlock(&next->lock);
}

static gint
cmp_key(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The manifest as written: a line per job, sorted, so it is the same for
 * any number of threads; then the files written by no job, with one hash
 * of their names and contents.
 */
char *
kt_manifest_text(const struct kt_manifest *m, struct kt_writer *w)
{
	GString *s = g_string_new(NULL);
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	guint n;
	gpointer *keys = g_hash_table_get_keys_as_array(m->jobs, &n);
	char *sum;

	qsort(keys, n, sizeof *keys, cmp_key);
	for (guint i = 0; i < n; i++) {
		const struct entry *e = g_hash_table_lookup(m->jobs, keys[i]);

		g_string_append_printf(s, "%s\t%s", (char *)keys[i], e->key);
		for (guint j = 0; j < e->files->len; j++)
			g_string_append_printf(s, "\t%s",
			    (char *)g_ptr_array_index(e->files, j));
		g_string_append_c(s, '\n');
	}
	g_free(keys);
	sum = kt_writer_untracked(w, names);
	g_string_append_printf(s, "%s\t%s", UNTRACKED, sum);
	for (guint i = 0; i < names->len; i++)
		g_string_append_printf(s, "\t%s",
		    (char *)g_ptr_array_index(names, i));
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

	if (prev == NULL || prev->text == NULL || next->run > 0 ||
	    strcmp(prev->text, text) != 0)
		return FALSE;
	/* the files of reused jobs were looked at; these were not */
	e = g_hash_table_lookup(prev->jobs, UNTRACKED);
	return e == NULL || all_there(prev, e);
}

void
kt_manifest_counts(const struct kt_manifest *m, guint *reused, guint *run)
{
	*reused = m->reused;
	*run = m->run;
}
