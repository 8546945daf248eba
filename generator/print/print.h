/*
 * The printables renderer: the PDFs of the plan's print jobs. Each thread
 * borrows a kit of its own (fonts, pictograms and layouts loaded once per
 * thread). It reads the model and the plan, never a content file.
 */
#ifndef KT_PRINT_H
#define KT_PRINT_H

#include <glib.h>

#include "build/plan.h"
#include "diag.h"
#include "out/writer.h"

struct kt_print;

/*
 * A renderer for up to threads jobs at once; jobs marked private (the
 * pupils' names) are written through priv, every other through w. The
 * plan, the writers and d must outlive it; priv may be NULL when the
 * plan has no private job.
 */
struct kt_print *kt_print_new(const struct kt_plan *, struct kt_writer *w,
    struct kt_writer *priv, struct kt_diag *, int threads);
/* Writes the files of one print job; from any thread. */
void kt_print_run(struct kt_print *, const struct kt_plan_job *);
/* Whether every printable was written; frees the renderer. */
gboolean kt_print_free(struct kt_print *);

/*
 * For one class (print opdracht): the checklist of it with o's pupils,
 * class, mentor and date, as SLUG-klassenlijst.pdf, and SLUG-werkbladen.pdf:
 * each pupil's sheet in class order, in langs[i] beside Dutch (Dutch
 * alone for Dutch), with the pupil's name on top of each page. Written
 * through w; FALSE when something failed (said in d).
 */
gboolean kt_print_class(const struct kt_model *, const struct kt_render_opts *o,
    const struct kt_item *it, const GPtrArray *langs, struct kt_writer *w,
    struct kt_diag *d);

/* One talk of print gesprek: whose, in which language, when. */
struct kt_talk_slot {
	const char *pupil;			/* borrowed */
	const struct kt_language *home;		/* the family's language */
	const struct kt_language *sheet;	/* the invitation's: home, or
						 * Dutch without a translation */
	char time[24];				/* "15:00–15:15" */
};

/*
 * For one class's talks (print gesprek): SLUG-uitnodigingen.pdf, the
 * mentor's schedule in Dutch (a row per slot) followed by each pupil's
 * invitation in class order: the talk's family sheet with the pupil's
 * name on top, o's date and place and the slot's time in the box, in
 * slots[i].sheet beside Dutch (Dutch alone for Dutch). Each part has
 * an even number of pages (a blank one added), so that printed on both
 * sides every invitation starts a sheet of its own. slots holds
 * struct kt_talk_slot. Written through w; FALSE when something failed
 * (said in d).
 */
gboolean kt_print_talks(const struct kt_model *, const struct kt_render_opts *o,
    const struct kt_item *talk, const GArray *slots, struct kt_writer *w,
    struct kt_diag *d);

#endif
