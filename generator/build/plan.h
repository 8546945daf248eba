/*
 * The build plan: one pass over the model and the options that lists
 * every job of a build, the files each writes (relative to out/), the
 * items it reads and the jobs it waits for. The website links only to
 * files the plan lists, and the build runs one job per entry; so what
 * is linked and what is made are decided here, once.
 *
 * The plan owns the output paths and the partition of the sheets into
 * chunks and of a school year's bundle into parts. It is read-only once
 * made, so jobs on any thread may read it.
 */
#ifndef KT_PLAN_H
#define KT_PLAN_H

#include <glib.h>

#include "model/model.h"

/* What the command line adds to the printables; NULL when not given. */
struct kt_render_opts {
	const char *theme;	/* theme folder */
	long long epoch;	/* SOURCE_DATE_EPOCH, or -1 */
	const char *mentor;	/* who takes the sheets back */
	const char *phone;	/* whom parents call */
	const char *due;	/* hand-in date, YYYY-MM-DD */
	const char *date;	/* evening: YYYY-MM-DD, over the script's */
	const char *start;	/* evening: HH:MM */
	const char *place;	/* evening: where */
	GPtrArray *pupils;	/* class list: names, or NULL */
	gboolean no_pdf;	/* the website only */
	const char *class_name;	/* print: the class, on its checklist */
	const char *pupil;	/* print: the name on top of every page */
	const char *stemmers;	/* the browser's stemmers, or NULL */
};

enum kt_job_kind {
	/* the website */
	KT_JOB_SHARED,		/* root, 404, sitemap index, assets, pictograms */
	KT_JOB_BANK,		/* a language's listings, search, sitemap, feed */
	KT_JOB_PAGE,		/* an item's page in a language */
	/* the printables */
	KT_JOB_BILINGUAL,	/* a chunk of sheets beside the Dutch, cut */
	KT_JOB_CHUNK,		/* a chunk of home sheets, cut and kept */
	KT_JOB_BUNDLE,		/* a part of a year's sheets, joined */
	KT_JOB_INVITATION,
	KT_JOB_STATEMENTS,
	KT_JOB_RUNSHEET,
	KT_JOB_BOARDS,		/* "Eens" and "Oneens" for a debate */
	KT_JOB_COMPLIMENTS,
	KT_JOB_TIPCARDS,
	KT_JOB_CHECKLIST,	/* blank: no names ever go into out/ */
	KT_JOB_CLASS_LIST,	/* with the pupils' names, outside out/ */
	KT_JOB_TALK_FAMILY,	/* a talk's preparation sheet, one language */
	KT_JOB_TALK_BILINGUAL,	/* the same beside the Dutch */
	KT_JOB_TALK_GUIDE,	/* the mentor's guide, in Dutch */
	KT_JOB_KIND_COUNT
};

/* What a job reads besides what every job reads (theme, site, options). */
enum kt_reads {
	KT_READS_ITEM,		/* its item */
	KT_READS_SET,		/* the items in reads */
	KT_READS_ALL,		/* every item */
	KT_READS_GLOBAL		/* no item */
};

/* Where a bundle's sheet is: which of its chunks, and which sheet there. */
struct kt_sheet_at {
	guint chunk;		/* index into the bundle's needs */
	guint place;
};

struct kt_plan_job {
	enum kt_job_kind kind;
	guint index;		/* its place in the plan's jobs */
	char *id;		/* unique in the plan: the manifest's name */
	const struct kt_language *lang;	/* NULL: the shared files */
	const struct kt_item *it;	/* NULL: no single item */
	const struct kt_text *t;	/* it's text in lang, or NULL */
	enum kt_reads reads;
	GPtrArray *items;	/* chunk, bundle, tip cards: in order */
	GPtrArray *set;		/* KT_READS_SET: what the key covers */
	GPtrArray *files;	/* char *: what it writes; none for SHARED */
	char *title;		/* a bundle part's title, or NULL */
	int year;		/* a bundle's school year */
	GPtrArray *needs;	/* struct kt_plan_job *: to run first */
	GPtrArray *then;	/* the jobs that need this one */
	GArray *at;		/* a bundle: struct kt_sheet_at per item */
	gboolean private;	/* written outside out/ (names of pupils) */
};

struct kt_plan {
	const struct kt_model *m;
	const struct kt_render_opts *o;
	GPtrArray *jobs;	/* struct kt_plan_job *, in the order to run */
	GHashTable *files;	/* a path in out/ -> the job that writes it */
	GHashTable *bundles;	/* language code -> GPtrArray of its parts */
};

/* Plans the build of m with o; both must outlive the plan, which the
 * caller frees with kt_plan_free. */
struct kt_plan *kt_plan_new(const struct kt_model *m,
    const struct kt_render_opts *o);
void kt_plan_free(struct kt_plan *);

/* The job that writes rel (a path in out/), borrowed, or NULL: none does. */
const struct kt_plan_job *kt_plan_file(const struct kt_plan *,
    const char *rel);
/* A language's bundle parts, years in order (borrowed), or NULL. */
GPtrArray *kt_plan_bundles(const struct kt_plan *, const char *lang);

/*
 * A school year's assignments in lang, in the parts of its bundle: each a
 * GPtrArray of items in the order a mentor uses them (by fase, then by
 * title); none when the year has none. The caller
 * frees it with g_ptr_array_free(parts, TRUE).
 */
GPtrArray *kt_plan_year_parts(const struct kt_model *, const char *lang,
    int year);

/* Whether an evening's programme has a debate: it needs the boards. */
gboolean kt_evening_has_debate(const struct kt_item *);

/* Output paths, relative to out/; the caller frees each with g_free. */
char *kt_page_path(const char *lang, enum kt_kind, const char *slug);
char *kt_sheet_path(const char *lang, const char *slug);
char *kt_bilingual_path(const char *lang, const char *slug);
/* what: "uitnodiging", "stellingen", "draaiboek" or "borden" */
char *kt_evening_path(const char *lang, const char *slug, const char *what);
char *kt_compliments_path(const char *lang);
char *kt_tipcards_path(const char *lang);
char *kt_checklist_path(const char *slug);
/* A talk's printables: what is "voorbereiding" (the family's sheet) or
 * "gespreksleidraad" (the mentor's guide); bilingual: beside the Dutch. */
char *kt_talk_path(const char *lang, const char *slug, const char *what,
    gboolean bilingual);
/* The class list with names, relative to the private folder. */
char *kt_class_list_path(const char *slug);

#endif
