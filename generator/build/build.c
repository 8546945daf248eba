/*
 * load -> check -> render -> write. The build writes into a temporary
 * folder and only replaces out/ when everything succeeded; content errors
 * stop it before anything is written.
 */
#include "build/build.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "build/check.h"
#include "diag.h"
#include "build/jobs.h"
#include "load/file.h"
#include "load/load.h"
#include "out/writer.h"
#include "build/manifest.h"
#include "build/incr.h"
#include "print/render.h"
#include "text/json.h"

static struct kt_model *
load(const struct kt_options *o, struct kt_diag *d)
{
	struct kt_paths p = { o->content, o->theme, o->openmoji, o->jobs };

	if (!g_file_test(o->content, G_FILE_TEST_IS_DIR)) {
		kt_error(d, o->content, 0, 0, "no such folder; give the "
		    "content folder with -C");
		return NULL;
	}
	if (!g_file_test(o->theme, G_FILE_TEST_IS_DIR)) {
		kt_error(d, o->theme, 0, 0, "theme folder not found; give it "
		    "with -t, or run 'make install'");
		return NULL;
	}
	if (!g_file_test(o->openmoji, G_FILE_TEST_IS_DIR)) {
		kt_error(d, o->openmoji, 0, 0, "OpenMoji pictograms not found; "
		    "run 'npm ci' in the source folder, or give the folder "
		    "with --openmoji");
		return NULL;
	}
	return kt_load(&p, d);
}

static guint
count_texts(const struct kt_model *m, enum kt_kind k)
{
	guint n = 0;

	for (guint i = 0; i < m->items[k]->len; i++)
		n += g_hash_table_size(((struct kt_item *)
		    g_ptr_array_index(m->items[k], i))->texts);
	return n;
}

static void
print_json(struct kt_diag *d, const struct kt_model *m, GString *figures)
{
	GString *j = g_string_new("{\"problems\":[");

	kt_diag_print(d, stderr);	/* sorts them too */
	for (guint i = 0; i < d->problems->len; i++) {
		const struct kt_problem *p = g_ptr_array_index(d->problems, i);

		g_string_append(j, i ? ",\n{\"path\":" : "\n{\"path\":");
		kt_json_str(j, p->path);
		g_string_append_printf(j, ",\"line\":%d,\"column\":%d,"
		    "\"severity\":\"%s\",\"message\":", p->line, p->col,
		    p->severity == KT_ERROR ? "error" : "warning");
		kt_json_str(j, p->message);
		g_string_append_c(j, '}');
	}
	g_string_append_printf(j, "],\n\"readability\":[%s],\n"
	    "\"translations\":", figures->str);
	if (m != NULL)
		kt_translation_table(m, j, TRUE);
	else
		g_string_append(j, "{}");
	g_string_append(j, "}\n");
	fputs(j->str, stdout);
	g_string_free(j, TRUE);
}

int
kt_cmd_check(const struct kt_options *o)
{
	struct kt_diag *d = kt_diag_new();
	struct kt_model *m = load(o, d);
	GString *figures = g_string_new(NULL);
	size_t errors, warnings;

	if (m != NULL) {
		struct kt_counter *c = kt_counter_new(KT_HYPHEN_DIR);

		kt_check_model(m, c, d, o->json ? figures : NULL);
		kt_counter_free(c);
	}
	errors = kt_diag_count(d, KT_ERROR);
	warnings = kt_diag_count(d, KT_WARNING);
	if (o->json) {
		print_json(d, m, figures);
	} else {
		kt_diag_print(d, stderr);
		if (!o->quiet && m != NULL) {
			GString *t = g_string_new(NULL);

			kt_translation_table(m, t, FALSE);
			fputs(t->str, stderr);
			g_string_free(t, TRUE);
		}
	}
	if (!o->quiet && !o->json && m != NULL)
		fprintf(stderr, "assignments: %u, evenings: %u, tips: %u, "
		    "files: %u; %zu error%s, %zu warning%s\n",
		    m->items[KT_OPDRACHT]->len, m->items[KT_AVOND]->len,
		    m->items[KT_TIP]->len, count_texts(m, KT_OPDRACHT) +
		    count_texts(m, KT_AVOND) + count_texts(m, KT_TIP),
		    errors, errors == 1 ? "" : "s", warnings,
		    warnings == 1 ? "" : "s");
	g_string_free(figures, TRUE);
	kt_model_free(m);
	kt_diag_free(d);
	return errors > 0 ? 1 : 0;
}

/*
 * A class list: a pupil's name on each line, or a spreadsheet saved as CSV
 * (the first column; a header line "naam" is skipped).
 */
static GPtrArray *
read_class_list(const char *path, struct kt_diag *d)
{
	size_t len;
	char *text = kt_read_text(path, NULL, d, &len);
	GPtrArray *names;
	char **lines;
	int n = 0;

	if (text == NULL)
		return NULL;
	names = g_ptr_array_new_with_free_func(g_free);
	lines = g_strsplit(text, "\n", -1);
	for (char **l = lines; *l != NULL; l++) {
		char *name = g_strndup(*l, strcspn(*l, ";,\t"));

		n++;
		g_strstrip(name);
		if (name[0] == '"' && strlen(name) >= 2 &&
		    name[strlen(name) - 1] == '"') {
			memmove(name, name + 1, strlen(name));
			name[strlen(name) - 1] = '\0';
		}
		if (*name == '\0' || (n == 1 &&
		    g_ascii_strcasecmp(name, "naam") == 0)) {
			g_free(name);
			continue;
		}
		g_ptr_array_add(names, name);
	}
	if (names->len > 200)
		kt_error(d, path, 0, 0, "%u names; a class list has at most "
		    "200", names->len);
	g_strfreev(lines);
	g_free(text);
	return names;
}

/* ---- keys for incremental builds ---- */

/* A file's name (relative: no absolute path may reach the output) and
 * its bytes. */
static void
hash_file(GChecksum *c, const char *path, const char *name)
{
	char *data;
	gsize len;

	g_checksum_update(c, (const guchar *)name, -1);
	if (g_file_get_contents(path, &data, &len, NULL)) {
		g_checksum_update(c, (const guchar *)data, (gssize)len);
		g_free(data);
	}
}

/* Every file below dir, in name order. */
static void
hash_dir(GChecksum *c, const char *dir)
{
	GDir *g = g_dir_open(dir, 0, NULL);
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	const char *name;

	while (g != NULL && (name = g_dir_read_name(g)) != NULL)
		g_ptr_array_add(names, g_strdup(name));
	if (g != NULL)
		g_dir_close(g);
	g_ptr_array_sort(names, kt_cmp_str);
	for (guint i = 0; i < names->len; i++) {
		char *p = g_build_filename(dir, g_ptr_array_index(names, i),
		    NULL);
		if (g_file_test(p, G_FILE_TEST_IS_DIR))
			hash_dir(c, p);
		else
			hash_file(c, p, g_ptr_array_index(names, i));
		g_free(p);
	}
	g_ptr_array_free(names, TRUE);
}

static void
hash_str(GChecksum *c, const char *s)
{
	g_checksum_update(c, (const guchar *)(s ? s : "-"), -1);
	g_checksum_update(c, (const guchar *)"\n", 1);
}

/*
 * What every job reads: the generator itself, the theme, site.yaml, the
 * glossary, the pictograms, the logo and the options.
 */
static char *
global_key(const struct kt_options *o, const struct kt_model *m,
    const struct kt_render_opts *ro)
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	char *exe = g_file_read_link("/proc/self/exe", NULL);
	char *site = g_build_filename(o->content, "site.yaml", NULL);
	char *gloss = g_build_filename(o->content, "woordenlijst", NULL);
	char *key, num[32];
	guint n;
	gpointer *names = g_hash_table_get_keys_as_array(m->pictograms, &n);

	if (exe != NULL)
		hash_file(c, exe, "keukentafel");
	hash_dir(c, o->theme);
	hash_file(c, site, "site.yaml");
	hash_dir(c, gloss);
	qsort(names, n, sizeof *names, kt_cmp_str);
	for (guint i = 0; i < n; i++) {
		const struct kt_picto *p = g_hash_table_lookup(m->pictograms,
		    names[i]);
		gsize len;
		const void *data = g_bytes_get_data(p->svg, &len);

		hash_str(c, names[i]);
		g_checksum_update(c, data, (gssize)len);
	}
	if (m->site.logo_data != NULL)
		g_checksum_update(c, g_bytes_get_data(m->site.logo_data, NULL),
		    (gssize)g_bytes_get_size(m->site.logo_data));
	hash_str(c, ro->mentor);
	hash_str(c, ro->phone);
	hash_str(c, ro->due);
	hash_str(c, ro->date);
	hash_str(c, ro->start);
	hash_str(c, ro->place);
	for (guint i = 0; ro->pupils != NULL && i < ro->pupils->len; i++)
		hash_str(c, g_ptr_array_index(ro->pupils, i));
	g_snprintf(num, sizeof num, "%lld", ro->epoch);
	hash_str(c, num);
	key = g_strdup(g_checksum_get_string(c));
	g_free(names);
	g_free(gloss);
	g_free(site);
	g_free(exe);
	g_checksum_free(c);
	return key;
}

struct linked {
	const struct kt_model *m;
	GChecksum *c;
};

/* The languages of the items md links to: a link opens the page in the
 * reader's language where there is one, so it changes with them. */
static void
hash_linked(const struct kt_md *md, void *data)
{
	const struct linked *l = data;
	const GPtrArray *langs = l->m->site.languages;
	cmark_iter *it;
	cmark_event_type ev;

	if (md->doc == NULL)
		return;
	it = cmark_iter_new(md->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const struct kt_item *to;
		const char *slug;
		enum kt_kind k;

		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_LINK ||
		    !kt_item_link(cmark_node_get_url(n), &k, &slug) ||
		    (to = kt_model_find(l->m, k, slug)) == NULL)
			continue;
		hash_str(l->c, cmark_node_get_url(n));
		for (guint i = 0; i < langs->len; i++) {
			const char *code = ((struct kt_language *)
			    g_ptr_array_index(langs, i))->code;
			hash_str(l->c, kt_item_text(to, code) ? code : "-");
		}
	}
	cmark_iter_free(it);
}

/* An item's key: its texts in every language, as the loader read them
 * (not read again: a file saved during the build gives a new key), and
 * the languages of the items it links to. */
static struct kt_incr *
incr_new(const struct kt_options *o, const struct kt_model *m,
    const struct kt_render_opts *ro, struct kt_writer *w)
{
	struct kt_incr *in = g_new0(struct kt_incr, 1);
	GChecksum *all = g_checksum_new(G_CHECKSUM_SHA256);

	in->prev = kt_manifest_load(o->out);
	in->next = kt_manifest_new(o->out);
	in->w = w;
	in->global = global_key(o, m, ro);
	in->items = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
	    g_free);
	for (int k = 0; k < KT_KIND_COUNT; k++)
		for (guint i = 0; i < m->items[k]->len; i++) {
			const struct kt_item *it = g_ptr_array_index(
			    m->items[k], i);
			GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
			struct linked l = { m, c };
			char *key;

			hash_str(c, kt_kind_dir((enum kt_kind)k));
			hash_str(c, it->slug);
			for (guint j = 0; j < m->site.languages->len; j++) {
				const struct kt_text *t = kt_item_text(it,
				    ((struct kt_language *)g_ptr_array_index(
				    m->site.languages, j))->code);

				if (t != NULL) {
					hash_str(c, t->lang);
					hash_str(c, t->digest);
					kt_text_each_md(it, t, hash_linked, &l);
				}
			}
			key = g_strdup(g_checksum_get_string(c));
			hash_str(all, key);
			g_hash_table_insert(in->items, (gpointer)it, key);
			g_checksum_free(c);
		}
	in->all = g_strdup(g_checksum_get_string(all));
	g_checksum_free(all);
	return in;
}

static void
incr_free(struct kt_incr *in)
{
	if (in == NULL)
		return;
	kt_manifest_free(in->prev);
	kt_manifest_free(in->next);
	g_hash_table_destroy(in->items);
	g_free(in->global);
	g_free(in->all);
	g_free(in);
}

struct progress {
	struct kt_jobs *jobs;
	gint64 start;
	gboolean tty;
	guint last_tenth;
};

/* One line that rewrites itself on a terminal; plain lines elsewhere. */
static void
tick(void *arg)
{
	struct progress *pg = arg;
	guint pushed, done;
	double elapsed = (double)(g_get_monotonic_time() - pg->start) / 1e6;

	kt_jobs_count(pg->jobs, &pushed, &done);
	if (pushed == 0)
		return;
	if (pg->tty) {
		double eta = done > 0 ? elapsed * (pushed - done) / done : 0;
		fprintf(stderr, "\rkeukentafel: %u of %u pages and sheets, "
		    "%.1f s, about %.0f s to go ", done, pushed, elapsed, eta);
	} else if (done * 10 / pushed > pg->last_tenth) {
		pg->last_tenth = done * 10 / pushed;
		fprintf(stderr, "keukentafel: %u of %u pages and sheets "
		    "(%u%%), %.1f s\n", done, pushed, pg->last_tenth * 10,
		    elapsed);
	}
}

static void
stage(const struct kt_options *o, const char *what, gint64 *since)
{
	gint64 now = g_get_monotonic_time();

	if (o->verbose)
		fprintf(stderr, "keukentafel: %s in %.3f s\n", what,
		    (double)(now - *since) / 1e6);
	*since = now;
}

int
kt_cmd_build(const struct kt_options *o)
{
	struct kt_diag *d = kt_diag_new();
	gint64 start = g_get_monotonic_time(), t = start;
	struct kt_model *m = load(o, d);
	struct kt_writer *w = NULL;
	struct kt_render_opts ro = { o->theme, o->epoch, o->mentor, o->phone,
	    o->due, o->date, o->start, o->place, NULL, NULL };
	struct progress pg = { NULL, 0, FALSE, 0 };
	struct site *site;
	struct kt_print *print;
	GError *err = NULL;
	char *manifest = NULL;
	int status = 1, threads;
	gboolean ok;

	stage(o, "loaded", &t);
	if (m != NULL)
		kt_check_model(m, NULL, d, NULL);
	stage(o, "checked", &t);
	if (o->class_list != NULL)
		ro.pupils = read_class_list(o->class_list, d);
	if (m == NULL || kt_diag_count(d, KT_ERROR) > 0) {
		kt_diag_print(d, stderr);
		fprintf(stderr, "keukentafel: %zu error%s; nothing was "
		    "written, %s is as it was\n", kt_diag_count(d, KT_ERROR),
		    kt_diag_count(d, KT_ERROR) == 1 ? "" : "s", o->out);
		goto done;
	}
	w = kt_writer_open(o->out, &err);
	if (w == NULL) {
		fprintf(stderr, "keukentafel: %s\n", err->message);
		g_error_free(err);
		goto done;
	}
	ro.incr = incr_new(o, m, &ro, w);
	stage(o, "hashed", &t);
	threads = o->jobs > 0 ? o->jobs : (int)g_get_num_processors();
	pg.jobs = kt_jobs_new(threads);
	pg.start = g_get_monotonic_time();
	pg.tty = !o->quiet && isatty(STDERR_FILENO);
	site = kt_site_start(m, &ro, w, d, pg.jobs);
	print = o->no_pdf ? NULL : kt_print_start(m, &ro, w, d, pg.jobs);
	kt_jobs_finish(pg.jobs, o->quiet ? NULL : tick, &pg);
	if (pg.tty)
		fputc('\n', stderr);
	ok = kt_site_finish(site);
	if (print != NULL)
		ok = kt_print_finish(print) && ok;
	stage(o, "rendered", &t);
	kt_diag_print(d, stderr);
	if (!ok || kt_diag_count(d, KT_ERROR) > 0) {
		kt_writer_abort(w);
		fprintf(stderr, "keukentafel: the build failed; %s is as it "
		    "was\n", o->out);
		goto done;
	}
	manifest = kt_manifest_text(ro.incr->next, w);
	if (kt_manifest_unchanged(ro.incr->prev, ro.incr->next, manifest)) {
		/* the new tree would be the one in out/: leave that be */
		kt_writer_abort(w);
		if (!o->quiet)
			fprintf(stderr, "keukentafel: nothing changed; %s is "
			    "up to date (%.1f s)\n", o->out, (double)(
			    g_get_monotonic_time() - start) / 1e6);
		status = 0;
		goto done;
	}
	if (!kt_manifest_link(ro.incr->next, w, &err) ||
	    !kt_writer_put(w, KT_MANIFEST, manifest, strlen(manifest), &err)) {
		fprintf(stderr, "keukentafel: %s\n", err->message);
		g_error_free(err);
		kt_writer_abort(w);
		fprintf(stderr, "keukentafel: the build failed; %s is as it "
		    "was\n", o->out);
		goto done;
	}
	stage(o, "linked", &t);
	if (!kt_writer_commit(w, &err)) {
		fprintf(stderr, "keukentafel: %s\n", err->message);
		g_error_free(err);
		goto done;
	}
	stage(o, "swapped in", &t);
	if (o->verbose) {
		guint reused, run;
		kt_manifest_counts(ro.incr->next, &reused, &run);
		fprintf(stderr, "keukentafel: %u jobs reused from %s, %u run\n",
		    reused, o->out, run);
	}
	if (!o->quiet)
		fprintf(stderr, "keukentafel: built %u assignments, %u "
		    "evenings and %u tips in %u languages into %s in %.1f s "
		    "(%d thread%s)\n", m->items[KT_OPDRACHT]->len,
		    m->items[KT_AVOND]->len, m->items[KT_TIP]->len,
		    m->site.languages->len, o->out,
		    (double)(g_get_monotonic_time() - start) / 1e6, threads,
		    threads == 1 ? "" : "s");
	status = 0;
done:
	g_free(manifest);
	incr_free(ro.incr);
	if (ro.pupils != NULL)
		g_ptr_array_free(ro.pupils, TRUE);
	kt_model_free(m);
	kt_diag_free(d);
	return status;
}
