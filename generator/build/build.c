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
#include "build/classlist.h"
#include "diag.h"
#include "build/jobs.h"
#include "load/file.h"
#include "load/load.h"
#include "out/writer.h"
#include "build/manifest.h"
#include "build/incr.h"
#include "build/plan.h"
#include "build/run.h"
#include "text/json.h"

struct kt_model *
kt_build_load(const struct kt_options *o, struct kt_diag *d)
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
	struct kt_model *m = kt_build_load(o, d);
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
		    "talks: %u, files: %u; %zu error%s, %zu warning%s\n",
		    m->items[KT_ASSIGNMENT]->len, m->items[KT_EVENING]->len,
		    m->items[KT_TIP]->len, m->items[KT_TALK]->len,
		    count_texts(m, KT_ASSIGNMENT) + count_texts(m, KT_EVENING) +
		    count_texts(m, KT_TIP) + count_texts(m, KT_TALK),
		    errors, errors == 1 ? "" : "s", warnings,
		    warnings == 1 ? "" : "s");
	g_string_free(figures, TRUE);
	kt_model_free(m);
	kt_diag_free(d);
	return errors > 0 ? 1 : 0;
}

struct progress {
	struct kt_jobs *jobs;
	guint total;		/* the plan's jobs */
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
	if (pg->total == 0)
		return;
	if (pg->tty) {
		double eta = done > 0 ? elapsed * (pg->total - done) / done : 0;
		fprintf(stderr, "\rkeukentafel: %u of %u pages and sheets, "
		    "%.1f s, about %.0f s to go ", done, pg->total, elapsed,
		    eta);
	} else if (done * 10 / pg->total > pg->last_tenth) {
		pg->last_tenth = done * 10 / pg->total;
		fprintf(stderr, "keukentafel: %u of %u pages and sheets "
		    "(%u%%), %.1f s\n", done, pg->total, pg->last_tenth * 10,
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

/* A build under way: what it read, what it plans, where it writes. */
struct build {
	const struct kt_options *o;
	struct kt_diag *d;
	struct kt_model *m;
	struct kt_render_opts ro;
	struct kt_plan *plan;
	struct kt_writer *w;	/* out/ */
	struct kt_writer *priv;	/* the class lists with names, or NULL */
	GPtrArray *class;	/* struct kt_pupil *, or NULL */
	struct kt_incr *incr;
	int threads;
	gint64 start, t;
	gboolean unchanged;	/* out/ was left as it is */
	gboolean old_records;	/* out/ has records inside: made anew */
};

static void
failed(const struct build *b, const char *why)
{
	if (why != NULL)
		fprintf(stderr, "keukentafel: %s\n", why);
	fprintf(stderr, "keukentafel: the build failed; %s is as it was\n",
	    b->o->out);
}

/* Loads and checks the content, reads the class list; FALSE on errors,
 * which are printed. */
static gboolean
prepare(struct build *b)
{
	const struct kt_options *o = b->o;

	b->m = kt_build_load(o, b->d);
	stage(o, "loaded", &b->t);
	if (b->m != NULL)
		kt_check_model(b->m, NULL, b->d, NULL);
	stage(o, "checked", &b->t);
	if (o->class_list != NULL) {
		b->class = kt_class_read(o->class_list, b->d);
		if (b->class != NULL)
			b->ro.pupils = kt_class_names(b->class);
		if (kt_path_inside(o->class_dir, o->out))
			kt_error(b->d, o->class_dir, 0, 0, "the class lists "
			    "with pupils' names would be published in %s; "
			    "give a folder outside it with --klassenmap",
			    o->out);
	}
	if (b->m != NULL && kt_diag_count(b->d, KT_ERROR) == 0)
		return TRUE;
	kt_diag_print(b->d, stderr);
	fprintf(stderr, "keukentafel: %zu error%s; nothing was written, %s "
	    "is as it was\n", kt_diag_count(b->d, KT_ERROR),
	    kt_diag_count(b->d, KT_ERROR) == 1 ? "" : "s", o->out);
	return FALSE;
}

/*
 * Records of an older keukentafel inside out/ (it kept them there): not
 * read, and not in the new out/, which is swapped in even when nothing
 * else changed.
 */
static void
old_records(struct build *b)
{
	char *old = g_build_filename(b->o->out, KT_RECORDS, NULL);
	char *now = kt_records_dir(b->o->out);

	b->old_records = g_file_test(old, G_FILE_TEST_IS_DIR);
	if (b->old_records)
		fprintf(stderr, "keukentafel: the build's records move out of "
		    "%s to %s/, which is not published; the new %s is made "
		    "without them\n", old, now, b->o->out);
	g_free(old);
	g_free(now);
}

/* Runs every job of the plan; FALSE when any failed. */
static gboolean
render(struct build *b)
{
	const struct kt_options *o = b->o;
	struct progress pg = { NULL, b->plan->jobs->len, 0, FALSE, 0 };
	struct kt_web *web = kt_web_new(b->plan, b->w, b->d);
	struct kt_print *print = NULL;
	struct kt_run *run;
	gboolean ok;

	if (web == NULL)
		return FALSE;
	if (!o->no_pdf)
		print = kt_print_new(b->plan, b->w, b->priv, b->d, b->threads);
	pg.jobs = kt_jobs_new(b->threads);
	pg.start = g_get_monotonic_time();
	pg.tty = !o->quiet && isatty(STDERR_FILENO);
	run = kt_run_start(b->plan, b->incr, web, print, pg.jobs);
	kt_jobs_finish(pg.jobs, o->quiet ? NULL : tick, &pg);
	kt_run_free(run);
	if (pg.tty)
		fputc('\n', stderr);
	ok = kt_web_free(web);
	ok = kt_print_free(print) && ok;
	stage(o, "rendered", &b->t);
	return ok;
}

/*
 * Every file the plan lists is in the new tree: a page may link to any of
 * them. One missing is the generator's fault, not the content's.
 */
static gboolean
made_as_planned(const struct build *b)
{
	gboolean ok = TRUE;

	for (guint i = 0; i < b->plan->jobs->len; i++) {
		const struct kt_plan_job *j = g_ptr_array_index(b->plan->jobs,
		    i);

		for (guint f = 0; f < j->files->len && !j->private; f++) {
			char *path = kt_writer_file(b->w,
			    g_ptr_array_index(j->files, f));

			if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
				kt_error(b->d, g_ptr_array_index(j->files, f),
				    0, 0, "planned but not made by job %s; "
				    "please report this", j->id);
				ok = FALSE;
			}
			g_free(path);
		}
	}
	return ok;
}

static void
summary(const struct build *b)
{
	const struct kt_model *m = b->m;

	if (b->o->verbose) {
		guint reused, run;
		kt_manifest_counts(b->incr->next, &reused, &run);
		fprintf(stderr, "keukentafel: %u jobs reused from %s, %u run\n",
		    reused, b->o->out, run);
	}
	if (b->priv != NULL)
		fprintf(stderr, "keukentafel: the class checklists with the "
		    "pupils' names are in %s/ (not in %s: do not publish "
		    "them)\n", b->o->class_dir, b->o->out);
	if (!b->o->quiet && !b->unchanged)
		fprintf(stderr, "keukentafel: built %u assignments, %u "
		    "evenings, %u tips and %u talks in %u languages into %s "
		    "in %.1f s (%d thread%s)\n", m->items[KT_ASSIGNMENT]->len,
		    m->items[KT_EVENING]->len, m->items[KT_TIP]->len,
		    m->items[KT_TALK]->len,
		    m->site.languages->len, b->o->out,
		    (double)(g_get_monotonic_time() - b->start) / 1e6,
		    b->threads, b->threads == 1 ? "" : "s");
}

/*
 * out/ as it is, with stamps that no longer match its files (it was
 * copied, or restored): its files were read and found as written, so
 * their stamps are written again, and the next build reads none. A cache
 * beside the records, replaced in one rename.
 */
static void
refresh_stamps(const struct build *b)
{
	char *path, *now, *was = NULL;

	if (kt_manifest_read(b->incr->prev) == 0)
		return;
	path = kt_out_file(b->o->out, KT_STAMPS);
	now = kt_manifest_stamps(b->incr->next, NULL);

	if (!g_file_get_contents(path, &was, NULL, NULL) ||
	    strcmp(was, now) != 0)
		(void)g_file_set_contents(path, now, -1, NULL);
	g_free(was);
	g_free(now);
	g_free(path);
}

/* The stamps of every job's file in the new tree, for the next build. */
static gboolean
put_stamps(struct build *b, GError **err)
{
	char *stamps = kt_manifest_stamps(b->incr->next, b->w);
	gboolean ok = kt_writer_put(b->w, KT_STAMPS, stamps, strlen(stamps),
	    err);

	g_free(stamps);
	return ok;
}

/* Swaps the new tree in, unless it is the one in out/ already. */
static gboolean
publish(struct build *b)
{
	GError *err = NULL;
	char *manifest = kt_manifest_text(b->incr->next, b->w);
	gboolean ok = FALSE;

	if (!b->old_records &&
	    kt_manifest_unchanged(b->incr->prev, b->incr->next, manifest)) {
		/* the new tree would be the one in out/: leave that be */
		kt_writer_abort(b->w);
		b->w = NULL;
		refresh_stamps(b);
		b->unchanged = TRUE;
		if (!b->o->quiet)
			fprintf(stderr, "keukentafel: nothing changed; %s is "
			    "up to date (%.1f s)\n", b->o->out, (double)(
			    g_get_monotonic_time() - b->start) / 1e6);
		ok = TRUE;
	} else if (!kt_manifest_link(b->incr->next, b->w, b->threads,
	    &err) ||
	    !kt_writer_put(b->w, KT_MANIFEST, manifest, strlen(manifest),
	    &err) || !put_stamps(b, &err)) {
		failed(b, err->message);
	} else if (!made_as_planned(b)) {
		kt_diag_print(b->d, stderr);
		failed(b, NULL);
	} else {
		stage(b->o, "linked", &b->t);
		ok = kt_writer_commit(b->w, &err);
		b->w = NULL;
		if (!ok)
			fprintf(stderr, "keukentafel: %s\n", err->message);
		stage(b->o, "swapped in", &b->t);
	}
	g_clear_error(&err);
	g_free(manifest);
	return ok;
}

int
kt_cmd_build(const struct kt_options *o)
{
	struct build b = { 0 };
	GError *err = NULL;
	int status = 1;

	b.o = o;
	b.d = kt_diag_new();
	b.start = b.t = g_get_monotonic_time();
	b.ro = (struct kt_render_opts){ o->theme, o->epoch, o->mentor,
	    o->phone, o->due, o->date, o->start, o->place, NULL, o->no_pdf,
	    o->class_name, NULL, o->stemmers != NULL ? o->stemmers :
	    "node_modules/@orama/stemmers/dist" };
	b.threads = o->jobs > 0 ? o->jobs : (int)g_get_num_processors();
	if (!prepare(&b))
		goto done;
	b.plan = kt_plan_new(b.m, &b.ro);
	stage(o, "planned", &b.t);
	if ((b.w = kt_writer_open(o->out, b.threads, &err)) == NULL ||
	    (b.ro.pupils != NULL && !o->no_pdf &&
	    (b.priv = kt_writer_open(o->class_dir, b.threads,
	    &err)) == NULL)) {
		fprintf(stderr, "keukentafel: %s\n", err->message);
		goto done;
	}
	old_records(&b);
	b.incr = kt_incr_new(o->content, o->theme, o->out, b.m, &b.ro, b.w);
	stage(o, "hashed", &b.t);
	if (!render(&b) || kt_diag_count(b.d, KT_ERROR) > 0) {
		kt_diag_print(b.d, stderr);
		failed(&b, NULL);
		goto done;
	}
	kt_diag_print(b.d, stderr);
	if (!publish(&b))
		goto done;
	if (b.priv != NULL && !kt_writer_commit(b.priv, &err)) {
		b.priv = NULL;
		fprintf(stderr, "keukentafel: the class lists: %s\n",
		    err->message);
		goto done;
	}
	summary(&b);
	b.priv = NULL;
	status = 0;
done:
	g_clear_error(&err);
	if (b.w != NULL)
		kt_writer_abort(b.w);
	if (b.priv != NULL)
		kt_writer_abort(b.priv);
	kt_incr_free(b.incr);
	kt_plan_free(b.plan);
	if (b.ro.pupils != NULL)
		g_ptr_array_free(b.ro.pupils, TRUE);
	if (b.class != NULL)
		g_ptr_array_free(b.class, TRUE);
	kt_model_free(b.m);
	kt_diag_free(b.d);
	return status;
}
