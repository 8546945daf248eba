/*
 * Runs the plan: one job per entry on the one pool of threads, a job once
 * the jobs it needs are done, each through the incremental build's
 * reuse (but the shared files and the private class lists, which are
 * always made). Web jobs go to the web renderer, the rest to print.
 */
#ifndef KT_RUN_H
#define KT_RUN_H

#include "build/incr.h"
#include "build/jobs.h"
#include "build/plan.h"
#include "print/print.h"
#include "web/web.h"

struct kt_run;

/*
 * Pushes the jobs that need none; the others follow as their needs end.
 * Everything passed must outlive kt_jobs_finish(jobs); print may be NULL
 * when the plan has no print job. Free the result after that.
 */
struct kt_run *kt_run_start(const struct kt_plan *, struct kt_incr *,
    struct kt_web *, struct kt_print *, struct kt_jobs *);
void kt_run_free(struct kt_run *);

#endif
