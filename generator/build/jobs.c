/*
 * A thin layer over GThreadPool that also counts, so the build can show
 * progress while it waits.
 */
#include "build/jobs.h"

struct job {
	kt_job_fn fn;
	void *data;
};

struct kt_jobs {
	GThreadPool *pool;	/* NULL: run inline */
	int threads;
	gint pushed;		/* atomic: a job may push another */
	gint done;		/* atomic */
	GMutex lock;
	GCond finished;
};

static void
run(gpointer data, gpointer user)
{
	struct job *j = data;
	struct kt_jobs *js = user;

	j->fn(j->data);
	g_free(j);
	g_mutex_lock(&js->lock);
	g_atomic_int_inc(&js->done);
	g_cond_broadcast(&js->finished);
	g_mutex_unlock(&js->lock);
}

struct kt_jobs *
kt_jobs_new(int n)
{
	struct kt_jobs *js = g_new0(struct kt_jobs, 1);

	js->threads = MAX(1, n);
	g_mutex_init(&js->lock);
	g_cond_init(&js->finished);
	if (js->threads > 1)
		js->pool = g_thread_pool_new(run, js, js->threads, TRUE, NULL);
	return js;
}

void
kt_jobs_push(struct kt_jobs *js, kt_job_fn fn, void *data)
{
	struct job *j = g_new(struct job, 1);

	j->fn = fn;
	j->data = data;
	g_atomic_int_inc(&js->pushed);
	if (js->pool == NULL)
		run(j, js);
	else
		g_thread_pool_push(js->pool, j, NULL);
}

void
kt_jobs_count(struct kt_jobs *js, guint *pushed, guint *done)
{
	*pushed = (guint)g_atomic_int_get(&js->pushed);
	*done = (guint)g_atomic_int_get(&js->done);
}

void
kt_jobs_finish(struct kt_jobs *js, void (*tick)(void *), void *arg)
{
	g_mutex_lock(&js->lock);
	while (g_atomic_int_get(&js->done) < g_atomic_int_get(&js->pushed)) {
		gint64 until = g_get_monotonic_time() + G_TIME_SPAN_SECOND / 10;

		g_cond_wait_until(&js->finished, &js->lock, until);
		if (tick != NULL) {
			g_mutex_unlock(&js->lock);
			tick(arg);
			g_mutex_lock(&js->lock);
		}
	}
	g_mutex_unlock(&js->lock);
	if (js->pool != NULL)
		g_thread_pool_free(js->pool, FALSE, TRUE);
	g_mutex_clear(&js->lock);
	g_cond_clear(&js->finished);
	g_free(js);
}

int
kt_jobs_threads(const struct kt_jobs *js)
{
	return js->threads;
}
