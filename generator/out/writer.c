/*
 * Atomic replacement of out/ with renameat2(RENAME_EXCHANGE) where the
 * file system has it, else two renames in quick succession; then the
 * same for the records beside it.
 */
#define _GNU_SOURCE
#include "out/writer.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct kt_writer {
	char *out;		/* out/ as given */
	char *tmp;		/* .out.tmp-XXXXXX beside it */
	char *rec;		/* the records beside out/: .out.keukentafel */
	char *rec_tmp;		/* the new records: .out.tmp-XXXXXX-records */
	int lock_fd;
	GHashTable *dirs;	/* folders already made */
	GHashTable *sums;	/* every file written: path -> kt_file_sum() */
	GHashTable *untracked;	/* the paths written by no job */
	GMutex dirs_lock;	/* renderers write from several threads */
	int threads;		/* for removing trees: the build's -j */
};

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	remove(path);
	return 0;
}

static void
remove_one_tree(gpointer path, gpointer unused)
{
	(void)unused;
	nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	g_free(path);
}

/*
 * The previous site is removed after every build, tens of thousands of
 * files: its top-level folders (a language each) are removed side by
 * side, one per core, since the file system takes a lock per folder.
 */
/* rm -rf on up to threads threads, a top-level entry each. */
static void
remove_tree(const char *path, int threads)
{
	GDir *dir = g_dir_open(path, 0, NULL);
	GThreadPool *pool;
	const char *name;
	struct stat st;

	if (dir == NULL || lstat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		if (dir != NULL)
			g_dir_close(dir);
		remove(path);
		return;
	}
	pool = g_thread_pool_new(remove_one_tree, NULL, MAX(1, threads), FALSE,
	    NULL);
	while ((name = g_dir_read_name(dir)) != NULL)
		g_thread_pool_push(pool, g_build_filename(path, name, NULL),
		    NULL);
	g_dir_close(dir);
	g_thread_pool_free(pool, FALSE, TRUE);
	rmdir(path);
}

void
kt_remove_tree(const char *path)
{
	remove_tree(path, 1);
}

/* "out" -> ("parent", ".out") prefix for temporary names */
static void
sibling_names(const char *out, char **parent, char **prefix)
{
	char *trimmed = g_strdup(out);
	size_t n = strlen(trimmed);
	char *base;

	while (n > 1 && trimmed[n - 1] == '/')
		trimmed[--n] = '\0';
	*parent = g_path_get_dirname(trimmed);
	base = g_path_get_basename(trimmed);
	*prefix = g_strconcat(".", base, NULL);
	g_free(base);
	g_free(trimmed);
}

char *
kt_records_dir(const char *out_dir)
{
	char *parent, *prefix, *dir;

	sibling_names(out_dir, &parent, &prefix);
	dir = g_strdup_printf("%s/%s.keukentafel", parent, prefix);
	g_free(parent);
	g_free(prefix);
	return dir;
}

/* rel below site, or a record below records. */
static char *
tree_file(const char *site, const char *records, const char *rel)
{
	if (g_str_has_prefix(rel, KT_RECORDS))
		return g_build_filename(records, rel + strlen(KT_RECORDS),
		    NULL);
	return g_build_filename(site, rel, NULL);
}

char *
kt_out_file(const char *out_dir, const char *rel)
{
	char *rec = kt_records_dir(out_dir);
	char *path = tree_file(out_dir, rec, rel);

	g_free(rec);
	return path;
}

struct kt_writer *
kt_writer_open(const char *out_dir, int threads, GError **err)
{
	struct kt_writer *w = g_new0(struct kt_writer, 1);
	char *parent, *prefix, *lock, *tmpl;
	GDir *dir;
	const char *name;

	w->threads = MAX(1, threads);
	sibling_names(out_dir, &parent, &prefix);
	if (g_mkdir_with_parents(parent, 0755) != 0) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno),
		    "cannot create %s: %s", parent, g_strerror(errno));
		goto fail;
	}
	lock = g_strdup_printf("%s/%s.lock", parent, prefix);
	w->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	g_free(lock);
	if (w->lock_fd < 0 || flock(w->lock_fd, LOCK_EX | LOCK_NB) != 0) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_EXIST,
		    "another build of %s is running; wait for it to finish",
		    out_dir);
		goto fail;
	}
	/*
	 * We hold the lock: any temporary folder left is from a dead build.
	 * A previous site moved aside is kept while out/ is missing: then it
	 * is the only copy (a swap failed half-way, or was killed there).
	 */
	if ((dir = g_dir_open(parent, 0, NULL)) != NULL) {
		char *tmp_prefix = g_strconcat(prefix, ".tmp-", NULL);
		char *old_prefix = g_strconcat(prefix, ".old-", NULL);
		gboolean live = g_file_test(out_dir, G_FILE_TEST_EXISTS);

		while ((name = g_dir_read_name(dir)) != NULL)
			if (g_str_has_prefix(name, tmp_prefix) ||
			    (live && g_str_has_prefix(name, old_prefix))) {
				char *p = g_build_filename(parent, name, NULL);
				remove_tree(p, w->threads);
				g_free(p);
			}
		g_dir_close(dir);
		g_free(tmp_prefix);
		g_free(old_prefix);
	}
	tmpl = g_strdup_printf("%s/%s.tmp-XXXXXX", parent, prefix);
	if (g_mkdtemp(tmpl) == NULL) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno),
		    "cannot create a temporary folder beside %s: %s", out_dir,
		    g_strerror(errno));
		g_free(tmpl);
		goto fail;
	}
	chmod(tmpl, 0755);
	w->tmp = tmpl;
	w->rec_tmp = g_strconcat(tmpl, "-records", NULL);
	if (mkdir(w->rec_tmp, 0755) != 0) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno),
		    "cannot create %s: %s", w->rec_tmp, g_strerror(errno));
		remove_tree(w->tmp, 1);
		g_free(w->tmp);
		g_free(w->rec_tmp);
		goto fail;
	}
	w->rec = kt_records_dir(out_dir);
	w->out = g_strdup(out_dir);
	w->dirs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	w->sums = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_free);
	w->untracked = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	g_mutex_init(&w->dirs_lock);
	g_free(parent);
	g_free(prefix);
	return w;
fail:
	if (w->lock_fd > 0)
		close(w->lock_fd);
	g_free(w);
	g_free(parent);
	g_free(prefix);
	return NULL;
}

const char *
kt_writer_root(const struct kt_writer *w)
{
	return w->tmp;
}

static GPrivate tracked;	/* the current job's list of files */

void
kt_writer_track(GPtrArray *files)
{
	g_private_set(&tracked, files);
}

gint
kt_writer_cmp(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char *
kt_writer_file(const struct kt_writer *w, const char *rel)
{
	return tree_file(w->tmp, w->rec_tmp, rel);
}

char *
kt_writer_path(struct kt_writer *w, const char *rel, GError **err)
{
	char *path = kt_writer_file(w, rel);
	char *dir = g_path_get_dirname(path);
	GPtrArray *files = g_private_get(&tracked);

	if (files != NULL)
		g_ptr_array_add(files, g_strdup(rel));

	g_mutex_lock(&w->dirs_lock);
	if (!g_hash_table_contains(w->dirs, dir)) {
		if (g_mkdir_with_parents(dir, 0755) != 0) {
			g_set_error(err, G_FILE_ERROR,
			    g_file_error_from_errno(errno),
			    "cannot create %s: %s", dir, g_strerror(errno));
			g_mutex_unlock(&w->dirs_lock);
			g_free(dir);
			g_free(path);
			return NULL;
		}
		g_hash_table_add(w->dirs, dir);
	} else {
		g_free(dir);
	}
	g_mutex_unlock(&w->dirs_lock);
	return path;
}

char *
kt_writer_source(const struct kt_writer *w, const char *rel)
{
	char *path = kt_writer_file(w, rel);

	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
		g_free(path);
		path = kt_out_file(w->out, rel);
	}
	return path;
}

gboolean
kt_writer_put(struct kt_writer *w, const char *rel, const void *data,
    size_t len, GError **err)
{
	return kt_writer_put_summed(w, rel, data, len, NULL, err);
}

/* A file's sum as the records keep it: its size and its digest. */
static char *
sum_line(size_t len, const char *digest)
{
	return g_strdup_printf("%zu\t%s", len, digest);
}

/* The digest is the file's sum, for a caller that has it already. */
G_STATIC_ASSERT(KT_SUM_DIGEST == G_CHECKSUM_MD5);

gboolean
kt_writer_put_summed(struct kt_writer *w, const char *rel, const void *data,
    size_t len, const char *md5, GError **err)
{
	char *path = kt_writer_path(w, rel, err);
	const char *p = data;
	size_t total = len;
	char *sum;
	int fd;

	if (path == NULL)
		return FALSE;
	/*
	 * A plain write: the whole tree is swapped in at the end, so each
	 * file needs no temporary name of its own (which would double the
	 * work of the file system for thousands of pages).
	 */
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	while (fd >= 0 && len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		p += n;
		len -= (size_t)n;
	}
	if (fd < 0 || len > 0 || close(fd) != 0) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno),
		    "cannot write %s: %s", path, g_strerror(errno));
		if (fd >= 0 && len > 0)
			close(fd);
		g_free(path);
		return FALSE;
	}
	g_free(path);
	sum = md5 != NULL ? sum_line(total, md5) : kt_file_sum(data, total);
	g_mutex_lock(&w->dirs_lock);
	g_hash_table_replace(w->sums, g_strdup(rel), sum);
	if (g_private_get(&tracked) == NULL)
		g_hash_table_add(w->untracked, g_strdup(rel));
	g_mutex_unlock(&w->dirs_lock);
	return TRUE;
}

char *
kt_file_sum(const void *data, size_t len)
{
	char *digest = g_compute_checksum_for_data(KT_SUM_DIGEST, data, len);
	char *sum = sum_line(len, digest);

	g_free(digest);
	return sum;
}

char *
kt_writer_sum(struct kt_writer *w, const char *rel)
{
	char *sum;

	g_mutex_lock(&w->dirs_lock);
	sum = g_strdup(g_hash_table_lookup(w->sums, rel));
	g_mutex_unlock(&w->dirs_lock);
	return sum;
}

char *
kt_writer_untracked(struct kt_writer *w, GPtrArray *names)
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	guint n;
	gpointer *keys;
	char *sum;

	g_mutex_lock(&w->dirs_lock);
	keys = g_hash_table_get_keys_as_array(w->untracked, &n);
	qsort(keys, n, sizeof *keys, kt_writer_cmp);
	for (guint i = 0; i < n; i++) {
		const char *file = g_hash_table_lookup(w->sums, keys[i]);

		g_checksum_update(c, keys[i], (gssize)strlen(keys[i]) + 1);
		g_checksum_update(c, (const guchar *)file, -1);
		g_ptr_array_add(names, g_strdup(keys[i]));
	}
	g_mutex_unlock(&w->dirs_lock);
	g_free(keys);
	sum = g_strdup(g_checksum_get_string(c));
	g_checksum_free(c);
	return sum;
}

gboolean
kt_writer_copy(struct kt_writer *w, const char *rel, const char *from,
    GError **err)
{
	char *data;
	gsize len;
	gboolean ok;

	if (!g_file_get_contents(from, &data, &len, err))
		return FALSE;
	ok = kt_writer_put(w, rel, data, len, err);
	g_free(data);
	return ok;
}

static void
writer_free(struct kt_writer *w)
{
	close(w->lock_fd);
	g_hash_table_destroy(w->dirs);
	g_hash_table_destroy(w->sums);
	g_hash_table_destroy(w->untracked);
	g_mutex_clear(&w->dirs_lock);
	g_free(w->tmp);
	g_free(w->rec_tmp);
	g_free(w->rec);
	g_free(w->out);
	g_free(w);
}

/*
 * No exchange on this file system: the old tree is moved aside, then the
 * new one in. When that fails and the old one cannot be put back either,
 * it is the only complete site left: it stays where it is, and the
 * message says so (kt_writer_open() leaves it be while out/ is missing).
 */
static gboolean
swap_by_renames(const char *tmp, const char *live, int threads,
    GError **err)
{
	char *old = g_strdup(tmp);
	int e;

	memcpy(strstr(old, ".tmp-"), ".old-", 5);	/* NOLINT: same length */
	if (rename(live, old) != 0) {
		e = errno;
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e),
		    "cannot replace %s: %s", live, g_strerror(e));
	} else if (rename(tmp, live) != 0) {
		e = errno;
		if (rename(old, live) == 0)
			g_set_error(err, G_FILE_ERROR,
			    g_file_error_from_errno(e), "cannot replace %s: "
			    "%s", live, g_strerror(e));
		else
			g_set_error(err, G_FILE_ERROR,
			    g_file_error_from_errno(e), "cannot replace %s: "
			    "%s, nor put the previous site back (%s): it is in "
			    "%s; rename that folder to %s", live,
			    g_strerror(e), g_strerror(errno), old, live);
	} else {
		remove_tree(old, threads);
		g_free(old);
		return TRUE;
	}
	remove_tree(tmp, threads);
	g_free(old);
	return FALSE;
}

/* The tree tmp in place of live, and the old one removed. */
static gboolean
swap_in(const char *tmp, const char *live, int threads, GError **err)
{
	if (!g_file_test(live, G_FILE_TEST_EXISTS)) {
		if (rename(tmp, live) == 0)
			return TRUE;
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno),
		    "cannot move the new tree to %s: %s", live,
		    g_strerror(errno));
		remove_tree(tmp, threads);
		return FALSE;
	}
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, live, RENAME_EXCHANGE) == 0) {
		remove_tree(tmp, threads);	/* now holds the previous one */
		return TRUE;
	}
	return swap_by_renames(tmp, live, threads, err);
}

gboolean
kt_writer_commit(struct kt_writer *w, GError **err)
{
	GError *e = NULL;
	gboolean ok = swap_in(w->tmp, w->out, w->threads, err);

	if (!ok || rmdir(w->rec_tmp) == 0)	/* no records: none kept */
		remove_tree(w->rec_tmp, w->threads);
	else if (!swap_in(w->rec_tmp, w->rec, w->threads, &e)) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s is "
		    "the new site, but its records were not kept (%s): the "
		    "next build reads every file again", w->out, e->message);
		g_error_free(e);
		ok = FALSE;
	}
	writer_free(w);
	return ok;
}

void
kt_writer_abort(struct kt_writer *w)
{
	if (w == NULL)
		return;
	remove_tree(w->tmp, w->threads);
	remove_tree(w->rec_tmp, w->threads);
	writer_free(w);
}
