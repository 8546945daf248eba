/*
 * The website renderer: the pages of the plan's web jobs, written through
 * the writer. It reads the model and the plan, never a content file, and
 * links only to files the plan lists.
 */
#ifndef KT_WEB_H
#define KT_WEB_H

#include <glib.h>

#include "build/plan.h"
#include "diag.h"
#include "out/writer.h"

struct kt_web;

/*
 * Reads the theme's layout; NULL, with the error in d, when it is not
 * well-formed. The plan, the writer and d must outlive it.
 */
struct kt_web *kt_web_new(const struct kt_plan *, struct kt_writer *,
    struct kt_diag *);
/* Writes the files of a job of kind SHARED, BANK or PAGE; any thread. */
void kt_web_run(struct kt_web *, const struct kt_plan_job *);
/* Whether every page was written; frees the renderer (NULL: FALSE). */
gboolean kt_web_free(struct kt_web *);

#endif
