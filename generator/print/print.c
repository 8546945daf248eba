/*
 * The printables' side of the build: a kit per thread, lent to one job
 * at a time, and the call of the printable a job names.
 */
#include "print/print.h"

#include "print/printables.h"

struct kt_print {
	const struct kt_plan *plan;
	struct kt_writer *w, *priv;
	GAsyncQueue *kits;
	GPtrArray *all;		/* every kit, to free them */
	gint ok;
};

typedef void (*draw_fn)(struct kt_pdfkit *, const struct kt_plan_job *);

static const draw_fn draw[KT_JOB_KIND_COUNT] = {
	[KT_JOB_BILINGUAL] = kt_sheets_chunk,
	[KT_JOB_CHUNK] = kt_sheets_chunk,
	[KT_JOB_BUNDLE] = kt_sheets_bundle,
	[KT_JOB_INVITATION] = kt_invitation,
	[KT_JOB_STATEMENTS] = kt_statements,
	[KT_JOB_RUNSHEET] = kt_runsheet,
	[KT_JOB_BOARDS] = kt_boards,
	[KT_JOB_COMPLIMENTS] = kt_compliments,
	[KT_JOB_TIPCARDS] = kt_tipcards,
	[KT_JOB_CHECKLIST] = kt_checklist,
	[KT_JOB_CLASS_LIST] = kt_checklist,
	[KT_JOB_TALK_FAMILY] = kt_talk_family,
	[KT_JOB_TALK_BILINGUAL] = kt_talk_family,
	[KT_JOB_TALK_GUIDE] = kt_talk_guide,
};

struct kt_print *
kt_print_new(const struct kt_plan *plan, struct kt_writer *w,
    struct kt_writer *priv, struct kt_diag *d, int threads)
{
	struct kt_print *pr = g_new0(struct kt_print, 1);

	pr->plan = plan;
	pr->w = w;
	pr->priv = priv;
	pr->kits = g_async_queue_new();
	pr->all = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)kt_pdfkit_free);
	pr->ok = TRUE;
	for (int i = 0; i < MAX(1, threads); i++) {
		struct kt_pdfkit *k = kt_pdfkit_new(plan->m, plan->o, d,
		    &pr->ok);

		g_ptr_array_add(pr->all, k);
		g_async_queue_push(pr->kits, k);
	}
	return pr;
}

void
kt_print_run(struct kt_print *pr, const struct kt_plan_job *j)
{
	struct kt_pdfkit *k = g_async_queue_pop(pr->kits);

	g_assert(draw[j->kind] != NULL);
	k->w = j->private ? pr->priv : pr->w;
	draw[j->kind](k, j);
	g_async_queue_push(pr->kits, k);
}

gboolean
kt_print_free(struct kt_print *pr)
{
	gboolean ok;

	if (pr == NULL)
		return TRUE;
	ok = g_atomic_int_get(&pr->ok);
	g_ptr_array_free(pr->all, TRUE);
	g_async_queue_unref(pr->kits);
	g_free(pr);
	return ok;
}
