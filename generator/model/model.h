/*
 * The content model: typed items with their translations, the site, the
 * glossary, the pictogram vocabulary and the UI strings. It knows nothing
 * of files, HTML or PDF: loaders fill it, renderers read it.
 */
#ifndef KT_MODEL_H
#define KT_MODEL_H

#include <cmark.h>
#include <glib.h>
#include <stdbool.h>

enum kt_kind { KT_ASSIGNMENT, KT_EVENING, KT_TIP, KT_TALK, KT_KIND_COUNT };

/* The fixed vocabularies. Each value is a bit in a facet mask. */
enum kt_vocab_id {
	KT_V_SCHOOL_TYPE, KT_V_COMPETENCE, KT_V_PHASE, KT_V_CHOICE,
	KT_V_GROUP, KT_V_WORK_FORM, KT_V_ROLE, KT_V_AUDIENCE, KT_V_FOR,
	KT_V_TRANSLATION, KT_V_ASKER, KT_V_TALK, KT_V_TALK_PART, KT_V_COUNT
};

struct kt_vocab {
	const char *field;		/* the front matter field */
	const char *const *values;	/* NULL-terminated, in display order */
};

extern const struct kt_vocab kt_vocabs[KT_V_COUNT];

/* Index of s in the vocabulary, or -1. */
int kt_vocab_find(enum kt_vocab_id, const char *s);
/* The name of value index (static, never freed). */
const char *kt_vocab_name(enum kt_vocab_id, int index);
int kt_vocab_size(enum kt_vocab_id);

/*
 * The candidate closest to s by edit distance, if close enough to be a
 * likely typo; else NULL. Compares Unicode characters, case-folded.
 * Borrowed: one of candidates.
 */
const char *kt_suggest(const char *s, const char *const *candidates,
    guint n);

/* For g_ptr_array_sort over arrays of strings: compares the strings. */
gint kt_cmp_str(gconstpointer a, gconstpointer b);
/* The keys of a table of strings, sorted; the strings are borrowed from
 * the table, the caller frees the array with g_ptr_array_free(a, TRUE). */
GPtrArray *kt_sorted_keys(GHashTable *);

/* TRUE for http, https, mailto, tel, item and relative links. */
gboolean kt_url_allowed(const char *url);

/*
 * A link to another item, written opdracht:slug, avond:slug, tip:slug or
 * gesprek:slug:
 * TRUE with its kind and slug (pointing into url).
 */
gboolean kt_item_link(const char *url, enum kt_kind *, const char **slug);

/* Where something was written, for diagnostics raised after loading. */
struct kt_pos {
	const char *path;	/* points into the owning kt_text */
	int line, col;
};

/* A piece of Markdown text, parsed. */
struct kt_md {
	cmark_node *doc;	/* owned; a CMARK_NODE_DOCUMENT */
	struct kt_pos pos;
	bool item_links;	/* may link to an item: opdracht:slug ... */
};

/* Markdown parsed from src, or adopting doc (which it then frees); the
 * caller frees it with kt_md_free. */
struct kt_md *kt_md_new(const char *src, struct kt_pos);
/* Whether Markdown src may hold a link to an item (opdracht:, avond:,
 * tip:); kt_md_new sets item_links from it, kt_md_adopt to true. */
bool kt_md_may_link_items(const char *src);
struct kt_md *kt_md_adopt(cmark_node *doc, struct kt_pos);
void kt_md_free(struct kt_md *);
/* Each line break the writer made stays one (a soft break becomes a hard
 * one): "a sentence on a line of its own where the writer put it". */
void kt_md_keep_lines(struct kt_md *);
/* The text without markup, words separated by single spaces; the caller
 * frees it with g_free. */
char *kt_md_plain(const struct kt_md *);

enum kt_status { KT_SOURCE, KT_DRAFT, KT_REVIEWED };

struct kt_step {
	char *pictogram;	/* from the Dutch source */
	struct kt_pos picto_pos;	/* where the Dutch file names it */
	struct kt_md *text;
};

struct kt_role {
	int role;		/* KT_V_ROLE */
	struct kt_md *task;
};

struct kt_prep {
	struct kt_md *task;
	int weeks;		/* before the evening */
	int who;		/* KT_V_ROLE */
};

/* A part of a talk: which (KT_V_TALK_PART), its minutes, its questions. */
struct kt_talk_part {
	int part;
	int minutes;
	GPtrArray *questions;	/* of struct kt_md * */
};

/* A slug an item names (a talk's looked-back assignments), and where. */
struct kt_ref {
	char *slug;
	struct kt_pos pos;
};

struct kt_block {
	int minutes;
	char *title;
	int form;		/* KT_V_WORK_FORM */
	int lead;		/* KT_V_ROLE */
	struct kt_md *text;
};

/* One language version of an item; the Dutch one is the source. */
struct kt_text {
	char *lang;
	char *path;		/* the file it came from */
	char *digest;		/* SHA-256 of its text as read, for rebuilds */
	char *origin;		/* the Dutch's: what a translation's bron is
				 * checked against (NULL: digest) */
	enum kt_status status;
	char *title;
	char *summary;
	GPtrArray *materials;	/* of char * */

	/* opdracht: the parent's part, and the teacher's part */
	struct kt_md *intro;
	GPtrArray *steps;	/* of struct kt_step * */
	GPtrArray *questions;	/* of struct kt_md * */
	struct kt_md *goal;	/* NULL: not in this language */
	struct kt_md *in_class;
	struct kt_md *debrief;

	/* an evening */
	char *headline;		/* the invitation's: the theme in plain
				 * words, or NULL */
	char *theme;		/* a translation's; the source's is the item's */
	struct kt_md *invitation;
	GPtrArray *statements;	/* of struct kt_md * */
	struct kt_md *followup;

	/* tip */
	struct kt_md *body;
	GPtrArray *phrases;	/* of struct kt_md * */

	/* a talk: the family's part (intro above), and the mentor's */
	GPtrArray *pupil_questions;	/* of struct kt_md * */
	GPtrArray *parent_questions;	/* of struct kt_md * */
	struct kt_md *opening;
	struct kt_md *closing;
	struct kt_md *notes;
};

#define KT_TYPES_MAX 8	/* school types: at least the vocabulary's */

struct kt_item {
	enum kt_kind kind;
	char *slug;
	struct kt_text *source;	/* the Dutch text, also in texts */
	GHashTable *texts;	/* language code -> struct kt_text *, owned */

	/* facets, from the Dutch source */
	guint32 school_types;	/* bits of KT_V_SCHOOL_TYPE */
	guint32 years;	/* bit n: year n, in any school type */
	/* per school type (KT_V_SCHOOL_TYPE index): its years; the same
	 * for every type the item has when the front matter gives a list */
	guint32 years_of[KT_TYPES_MAX];
	guint32 competences;
	guint32 phases;
	guint32 choices;
	int minutes;
	char *pictogram;

	/* an assignment */
	int write_lines;
	bool signature;
	/* who asks each question of the Dutch source (vraagt), an index of
	 * KT_V_ASKER or -1 where the writer did not say; translations
	 * ask in the same voice */
	GArray *askers;		/* of int */

	/* an evening */
	char *theme;
	int audience;		/* KT_V_AUDIENCE */
	GPtrArray *roles;	/* of struct kt_role * */
	GPtrArray *prep;	/* of struct kt_prep * */
	GPtrArray *blocks;	/* of struct kt_block * */
	char *date;		/* YYYY-MM-DD or NULL */
	char *start;		/* HH:MM or NULL */
	char *place;

	/* tip */
	int group;		/* KT_V_GROUP */
	int audience_tip;	/* KT_V_FOR */

	/* a talk */
	int talk;		/* KT_V_TALK */
	GPtrArray *parts;	/* of struct kt_talk_part * */
	GPtrArray *looks_back;	/* of struct kt_ref *: assignments */
};

struct kt_language {
	char *code;
	char *name;		/* in the language itself */
	bool rtl;
};

struct kt_site {
	char *school;
	char *base_url;		/* ends in / */
	char *logo;		/* path inside the content folder, or NULL */
	GBytes *logo_data;	/* the file, when it could be read */
	gboolean logo_svg;	/* else PNG */
	char *contact_name, *contact_phone, *contact_email;
	GPtrArray *languages;	/* of struct kt_language *, nl first */
	int languages_line;	/* where site.yaml lists them, for messages */
	int languages_col;
	GHashTable *min_score;	/* language -> GINT_TO_POINTER(score) */
};

struct kt_gloss {
	char *key;
	char *word;
	GPtrArray *forms;	/* of char * */
	char *explanation;
};

/* A pictogram: where it came from, and the SVG itself. */
struct kt_picto {
	char *path;
	GBytes *svg;
};

struct kt_model {
	struct kt_site site;
	GPtrArray *items[KT_KIND_COUNT];	/* sorted by slug */
	GHashTable *glossary;	/* lang -> GPtrArray of struct kt_gloss * */
	char *glossary_dir;	/* where the glossary files are, for messages */
	char *strings_dir;	/* where the UI string files are */
	GHashTable *pictograms;	/* name -> struct kt_picto * */
	GHashTable *strings;	/* lang -> GHashTable key -> text */
};

void kt_gloss_free(struct kt_gloss *);
/* Each new object is the caller's, freed with its _free; kt_picto_new
 * takes a reference to svg, kt_model_free frees every item in the model. */
struct kt_picto *kt_picto_new(const char *path, GBytes *svg);
void kt_picto_free(struct kt_picto *);
struct kt_model *kt_model_new(void);
void kt_model_free(struct kt_model *);

struct kt_item *kt_item_new(enum kt_kind, const char *slug);
void kt_item_free(struct kt_item *);
struct kt_text *kt_text_new(const char *lang, const char *path);
void kt_text_free(struct kt_text *);

/* Whether the item's years are the same for each of its school types. */
gboolean kt_item_years_uniform(const struct kt_item *);

/* Borrowed from the site and the item: NULL when there is none. */
const struct kt_language *kt_site_language(const struct kt_site *,
    const char *code);
struct kt_text *kt_item_text(const struct kt_item *, const char *lang);
/*
 * Calls fn with each piece of Markdown in t, a text of it; the roles,
 * preparation and programme of an evening come with its Dutch source.
 */
void kt_text_each_md(const struct kt_item *it, const struct kt_text *t,
    void (*fn)(const struct kt_md *, void *), void *data);
/* The item of a kind with this slug, or NULL; borrowed from the model. */
const struct kt_item *kt_model_find(const struct kt_model *, enum kt_kind,
    const char *slug);
/*
 * The language of the page a link from a page in lang to the item should
 * open: lang when the item has a text in it, else the Dutch source's.
 * Borrowed from the model.
 */
const char *kt_item_page_lang(const struct kt_item *, const char *lang);

/* The folder of a kind: "opdrachten", ... (static, never freed) */
const char *kt_kind_dir(enum kt_kind);

/*
 * A UI string in a language, falling back to Dutch. Never NULL: a key
 * missing in Dutch too is a bug in the theme, caught by a test, and gives
 * the empty string rather than the key's name. Borrowed from the model.
 */
const char *kt_str(const struct kt_model *, const char *lang, const char *key);

/* plural.c: CLDR's plural categories, NULL-ended, and the one of n in a
 * language ("one", "few", ...; static). */
extern const char *const kt_plural_categories[];
const char *kt_plural_category(const char *lang, long n);
/*
 * A UI string for the number n: the language's form of key for n's
 * category (key.one, key.few, ...), else its key.other, else its key,
 * then the same in Dutch. Borrowed from the model; never NULL.
 */
const char *kt_str_plural(const struct kt_model *, const char *lang,
    const char *key, long n);
/* The same for a category named (form NULL: the key itself). */
const char *kt_str_form(const struct kt_model *, const char *lang,
    const char *key, const char *form);
/* Whether key is a plural form (x.one, x.few, ...) that strings t (one
 * language's) need not have: it has x or x.other. */
gboolean kt_plural_form_of(const char *key, GHashTable *t);
/* Who asks question i of the item (KT_V_ASKER), or -1 when not said. */
int kt_question_asker(const struct kt_item *, guint i);
/* The words for who asks, asker a of KT_V_ASKER, in lang: the UI string
 * v.vraagt.<value> ("Vraag aan uw kind:"). Borrowed from the model. */
const char *kt_asker_text(const struct kt_model *, const char *lang,
    int asker);
/*
 * The label the sheet and the page print before question i in lang
 * ("Vraag aan uw kind:"), or NULL when the writer did not say who asks.
 * Borrowed from the model.
 */
const char *kt_asker_label(const struct kt_model *, const struct kt_item *,
    guint i, const char *lang);

#endif
