/*
 * The plan's jobs on the pool: each counts the jobs it still waits for,
 * and the job that ends last among those pushes it.
 */
#include "build/run.h"

struct kt_run {
	const struct kt_plan *plan;
	struct kt_incr *incr;
	struct kt_web *web;
	struct kt_print *print;
	struct kt_jobs *jobs;
	gint *waiting;		/* by the job's place in the plan */
};

struct step {
	struct kt_run *run;
	const struct kt_plan_job *job;
};

static void push(struct kt_run *, const struct kt_plan_job *);

static void
render(void *data)
{
	const struct step *s = data;

	if (s->job->kind <= KT_JOB_PAGE)
		kt_web_run(s->run->web, s->job);
	else
		kt_print_run(s->run->print, s->job);
}

static void
step(void *data)
{
	struct step *s = data;
	const struct kt_plan_job *j = s->job;
	struct kt_run *run = s->run;

	if (j->kind == KT_JOB_SHARED || j->private) {
		render(s);
	} else {
		char *key = kt_incr_key(run->incr, j);

		kt_incr_run(run->incr, j->id, key, render, s);
		g_free(key);
	}
	for (guint i = 0; i < j->then->len; i++) {
		const struct kt_plan_job *next = g_ptr_array_index(j->then, i);

		if (g_atomic_int_dec_and_test(&run->waiting[next->index]))
			push(run, next);
	}
	g_free(s);
}

static void
push(struct kt_run *run, const struct kt_plan_job *j)
{
	struct step *s = g_new(struct step, 1);

	s->run = run;
	s->job = j;
	kt_jobs_push(run->jobs, step, s);
}

struct kt_run *
kt_run_start(const struct kt_plan *plan, struct kt_incr *incr,
    struct kt_web *web, struct kt_print *print, struct kt_jobs *jobs)
{
	struct kt_run *run = g_new0(struct kt_run, 1);
	GPtrArray *all = plan->jobs;

	*run = (struct kt_run){ plan, incr, web, print, jobs,
	    g_new0(gint, all->len) };
	for (guint i = 0; i < all->len; i++)
		run->waiting[i] = (gint)((const struct kt_plan_job *)
		    g_ptr_array_index(all, i))->needs->len;
	/* counted first: a job may end before the next is pushed */
	for (guint i = 0; i < all->len; i++) {
		const struct kt_plan_job *j = g_ptr_array_index(all, i);

		if (j->needs->len == 0)
			push(run, j);
	}
	return run;
}

void
kt_run_free(struct kt_run *run)
{
	if (run == NULL)
		return;
	g_free(run->waiting);
	g_free(run);
}
