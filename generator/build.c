/*
 * load -> check -> render -> write. The build writes into a temporary
 * folder and only replaces out/ when everything succeeded; content errors
 * stop it before anything is written.
 */
#include "build.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "diag.h"
#include "jobs.h"
#include "load/file.h"
#include "load/load.h"
#include "out/writer.h"
#include "render/render.h"
#include "text/json.h"

static struct kt_model *
load(const struct kt_options *o, struct kt_diag *d)
{
	struct kt_paths p = { o->content, o->theme, o->openmoji };

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

	if (m != NULL)
		kt_check_model(m, KT_HYPHEN_DIR, TRUE, d,
		    o->json ? figures : NULL);
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
	    o->due, o->date, o->start, o->place, NULL };
	struct progress pg = { NULL, 0, FALSE, 0 };
	struct site *site;
	struct kt_print *print;
	GError *err = NULL;
	int status = 1, threads;
	gboolean ok;

	stage(o, "loaded", &t);
	if (m != NULL)
		kt_check_model(m, KT_HYPHEN_DIR, FALSE, d, NULL);
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
	if (!kt_writer_commit(w, &err)) {
		fprintf(stderr, "keukentafel: %s\n", err->message);
		g_error_free(err);
		goto done;
	}
	stage(o, "swapped in", &t);
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
	if (ro.pupils != NULL)
		g_ptr_array_free(ro.pupils, TRUE);
	kt_model_free(m);
	kt_diag_free(d);
	return status;
}
