/*
 * Internal to print/: each printable drawn for a job of the plan with a
 * kit lent to it. The files are the job's; the kit writes them.
 */
#ifndef KT_PRINTABLES_H
#define KT_PRINTABLES_H

#include "print/pdfkit.h"

/* sheet.c: a chunk of sheets (home, or beside the Dutch), each cut to
 * its file; a part of a year's bundle joined from its chunks */
void kt_sheets_chunk(struct kt_pdfkit *, const struct kt_plan_job *);
void kt_sheets_bundle(struct kt_pdfkit *, const struct kt_plan_job *);

/* evening.c */
void kt_invitation(struct kt_pdfkit *, const struct kt_plan_job *);
void kt_statements(struct kt_pdfkit *, const struct kt_plan_job *);
void kt_runsheet(struct kt_pdfkit *, const struct kt_plan_job *);
void kt_boards(struct kt_pdfkit *, const struct kt_plan_job *);
void kt_compliments(struct kt_pdfkit *, const struct kt_plan_job *);

/* mentor.c: tip cards; the class checklist, blank or with the names */
void kt_tipcards(struct kt_pdfkit *, const struct kt_plan_job *);
void kt_checklist(struct kt_pdfkit *, const struct kt_plan_job *);

/* talk.c: a talk's preparation sheet for the family (one language, or
 * beside the Dutch), and the mentor's one-page guide */
void kt_talk_family(struct kt_pdfkit *, const struct kt_plan_job *);
void kt_talk_guide(struct kt_pdfkit *, const struct kt_plan_job *);
/* The mentor's schedule of a class's talks, in Dutch: slots holds
 * struct kt_talk_slot (print.h), in class order. */
void kt_talk_schedule(struct kt_pdfkit *, const struct kt_plan_job *,
    const GArray *slots);

/* papers.c: what the evening's and the mentor's printables share */

/* The one-line footer: data, a string, or the school and the pictograms'
 * credit when it is NULL. A kt_pdf_footer_fn. */
void kt_paper_footer(struct kt_pdf *, void *data);
/* The heading row at the cursor: picto of pic points at the reading
 * start (none when pic is 0), a kicker in green above the title (or
 * NULL), the title at size, and the school's logo at the end. */
void kt_paper_head(struct kt_pdf *, const char *picto, double pic,
    const char *kicker, const char *title, double size);
/* The note that t is a draft translation, in its language, at the
 * cursor; FALSE (nothing drawn) when it is not a draft. Without t, the
 * printable is made of UI strings: a draft in every language but Dutch. */
gboolean kt_paper_draft(struct kt_pdf *, const struct kt_text *t);
/* Page 1 of cards: the heading row and the draft note, then the cards
 * below them (kt_pdf_cards). */
void kt_paper_cards_head(struct kt_pdf *, const char *picto,
    const char *title, const struct kt_text *t);
/* The width of markup on one line, or of its widest word. */
double kt_paper_natural(struct kt_pdf *, const char *markup, double size,
    gboolean bold, gboolean widest_word);
/*
 * Widths of n columns of a table at KT_TYPE_STAFF: cells[c] is column
 * c's markup, its head (bold) first. Each column is as wide as its widest
 * entry, at most cap (then it wraps) and at least its widest word; column
 * flex takes the rest of the page's width. Written to wd, where a column
 * the caller gave a width (> 0) keeps it.
 */
void kt_paper_columns(struct kt_pdf *, GPtrArray *const *cells, int n,
    int flex, double cap, double *wd);
/* A printable drawn into a new document, tagged when asked (the heading
 * row is an H1, the draft note a P), not closed. */
typedef struct kt_pdf *(*kt_paper_fn)(struct kt_pdfkit *,
    const struct kt_plan_job *, gboolean tagged, void *data);
/* Draws it tagged and closes it; when cairo cannot write its tags,
 * draws it again without them, with a warning (KT_PAPER_UNTAGGED). The
 * number of pages. */
#define KT_PAPER_UNTAGGED "cairo could not tag this printable; it is " \
	"drawn again without tags"
int kt_paper_close(struct kt_pdfkit *, const struct kt_plan_job *,
    kt_paper_fn draw, void *data);
/* markup with typographic quotes for straight ones ("..." as “...”, an
 * apostrophe as ’), tags left as they are; the caller frees it with
 * g_free. */
char *kt_paper_quotes(const char *markup);

#endif
