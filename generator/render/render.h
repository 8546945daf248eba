/*
 * The renderers: the website (html.c), the printable sheets (pdf.c). They
 * read the model and write through the writer; they never open content.
 */
#ifndef KT_RENDER_H
#define KT_RENDER_H

#include "../diag.h"
#include "../model/model.h"
#include "../out/writer.h"

struct kt_render_opts {
	const char *theme;	/* theme folder */
	long long epoch;	/* SOURCE_DATE_EPOCH, or -1 */
	/* what the command line adds to the printables; NULL when not given */
	const char *mentor;	/* who takes the sheets back */
	const char *phone;	/* whom parents call */
	const char *due;	/* hand-in date, YYYY-MM-DD */
	const char *date;	/* evening: YYYY-MM-DD, over the script's */
	const char *start;	/* evening: HH:MM */
	const char *place;	/* evening: where */
	GPtrArray *pupils;	/* class list: names, or NULL for blank rows */
};

/* The website: every page in every language, assets, pictograms. */
gboolean kt_render_site(const struct kt_model *, const struct kt_render_opts *,
    struct kt_writer *, struct kt_diag *);

/* The printables: a take-home sheet per assignment per language. */
gboolean kt_render_sheets(const struct kt_model *,
    const struct kt_render_opts *, struct kt_writer *, struct kt_diag *);

/* The evening printables: invitations, cards, run-sheets. */
gboolean kt_render_evenings(const struct kt_model *,
    const struct kt_render_opts *, struct kt_writer *, struct kt_diag *);

/* The mentor's printables: tip cards, class checklists. */
gboolean kt_render_mentor(const struct kt_model *,
    const struct kt_render_opts *, struct kt_writer *, struct kt_diag *);

/* Output paths shared by both, relative to out/. */
char *kt_page_path(const char *lang, enum kt_kind, const char *slug);
char *kt_sheet_path(const char *lang, const char *slug);
char *kt_bilingual_path(const char *lang, const char *slug);
/* what: "uitnodiging", "stellingen" or "draaiboek" */
char *kt_evening_path(const char *lang, const char *slug, const char *what);
char *kt_compliments_path(const char *lang);
char *kt_bundle_path(const char *lang, int year);
char *kt_tipcards_path(const char *lang);
char *kt_checklist_path(const char *slug);

#endif
