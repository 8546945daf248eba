/*
 * The renderers: the website (html.c), the printable sheets (pdf.c). They
 * read the model and write through the writer; they never open content.
 */
#ifndef KT_RENDER_H
#define KT_RENDER_H

#include "diag.h"
#include "model/model.h"
#include "out/writer.h"

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
	struct kt_incr *incr;	/* what can be reused from out/, or NULL */
};

struct kt_jobs;
struct site;
struct kt_print;

/*
 * The website: every page in every language, assets, pictograms. Start
 * pushes the pages as jobs; finish, after the jobs are done, frees what
 * they shared and says whether all went well.
 */
struct site *kt_site_start(const struct kt_model *,
    const struct kt_render_opts *, struct kt_writer *, struct kt_diag *,
    struct kt_jobs *);
gboolean kt_site_finish(struct site *);

/* The printables: sheets, evening and mentor printables, likewise. */
struct kt_print *kt_print_start(const struct kt_model *,
    const struct kt_render_opts *, struct kt_writer *, struct kt_diag *,
    struct kt_jobs *);
gboolean kt_print_finish(struct kt_print *);

/* Output paths shared by both, relative to out/. */
char *kt_page_path(const char *lang, enum kt_kind, const char *slug);
char *kt_sheet_path(const char *lang, const char *slug);
char *kt_bilingual_path(const char *lang, const char *slug);
/* what: "uitnodiging", "stellingen" or "draaiboek" */
char *kt_evening_path(const char *lang, const char *slug, const char *what);
char *kt_compliments_path(const char *lang);
/* part counts from 0; a bundle in one part has no part in its name */
char *kt_bundle_path(const char *lang, int year, guint part, guint nparts);
/*
 * A year's bundle in a language: its parts, each a GPtrArray of its
 * items in order; none when no item.
 */
GPtrArray *kt_bundle_parts(const struct kt_model *, const char *lang,
    int year);
char *kt_bundle_title(const struct kt_model *, const char *lang, int year,
    guint part, guint nparts);
char *kt_tipcards_path(const char *lang);
char *kt_checklist_path(const char *slug);

#endif
