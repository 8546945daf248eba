/*
 * Jobs: independent pieces of work (a page, a PDF) run on a pool of
 * threads, or one after the other when there is one job slot. Each job
 * writes its own output, so the result does not depend on the order.
 */
#ifndef KT_JOBS_H
#define KT_JOBS_H

#include <glib.h>

typedef void (*kt_job_fn)(void *data);

struct kt_jobs;

/* n threads; 1 runs every job at once, in the caller's thread. Freed by
 * kt_jobs_finish. */
struct kt_jobs *kt_jobs_new(int n);
/*
 * Runs fn(data) some time before kt_jobs_finish(); fn frees data. A job
 * may push another (one that must wait for it).
 */
void kt_jobs_push(struct kt_jobs *, kt_job_fn fn, void *data);
/* Jobs pushed and jobs done so far, for a progress display. */
void kt_jobs_count(struct kt_jobs *, guint *pushed, guint *done);
/* Waits for every job, calling tick about ten times a second. */
void kt_jobs_finish(struct kt_jobs *, void (*tick)(void *), void *arg);
int kt_jobs_threads(const struct kt_jobs *);

#endif
