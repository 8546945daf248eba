/*
 * One line a job: id, key, then the files it wrote, tab-separated.
 * Thread-safe: jobs record from their threads.
 */
#define _GNU_SOURCE
#include "manifest.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

struct entry {
	char *key;
	GPtrArray *files;
};

struct kt_manifest {
	char *out;		/* the live out/ the files come from */
	GHashTable *jobs;	/* id -> struct entry */
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
	g_free(text);
	g_free(path);
	return m;
}

void
kt_manifest_free(struct kt_manifest *m)
{
	if (m == NULL)
		return;
	g_hash_table_destroy(m->jobs);
	g_mutex_clear(&m->lock);
	g_free(m->out);
	g_free(m);
}

gboolean
kt_manifest_reuse(struct kt_manifest *prev, struct kt_manifest *next,
    struct kt_writer *w, const char *job, const char *key)
{
	struct entry *e;
	GPtrArray *files;

	if (prev == NULL)
		return FALSE;
	/* prev is only read once loaded: no lock needed */
	e = g_hash_table_lookup(prev->jobs, job);
	if (e == NULL || strcmp(e->key, key) != 0)
		return FALSE;
	for (guint i = 0; i < e->files->len; i++) {
		char *from = g_build_filename(prev->out,
		    g_ptr_array_index(e->files, i), NULL);
		gboolean there = g_file_test(from, G_FILE_TEST_IS_REGULAR);

		g_free(from);
		if (!there)
			return FALSE;
	}
	files = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 0; i < e->files->len; i++) {
		const char *rel = g_ptr_array_index(e->files, i);
		char *from = g_build_filename(prev->out, rel, NULL);
		char *to = kt_writer_path(w, rel, NULL);
		gboolean ok = to != NULL && (link(from, to) == 0 ||
		    kt_writer_copy(w, rel, from, NULL));

		g_free(from);
		g_free(to);
		if (!ok) {
			g_ptr_array_free(files, TRUE);
			return FALSE;
		}
		g_ptr_array_add(files, g_strdup(rel));
	}
	kt_manifest_record(next, job, key, files);
	g_mutex_lock(&next->lock);
	next->reused++;
	next->run--;		/* record counted it as run */
	g_mutex_unlock(&next->lock);
	return TRUE;
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

gboolean
kt_manifest_save(struct kt_manifest *m, struct kt_writer *w, GError **err)
{
	GString *s = g_string_new(NULL);
	guint n;
	gpointer *keys = g_hash_table_get_keys_as_array(m->jobs, &n);
	gboolean ok;

	/* sorted, so the manifest is the same for any number of threads */
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
	ok = kt_writer_put(w, KT_MANIFEST, s->str, s->len, err);
	g_string_free(s, TRUE);
	return ok;
}

void
kt_manifest_counts(const struct kt_manifest *m, guint *reused, guint *run)
{
	*reused = m->reused;
	*run = m->run;
}
