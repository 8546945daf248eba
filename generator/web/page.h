/*
 * Internal to the website renderer: the site being written, a page being
 * built, and the helpers every page uses. Not used outside render/.
 */
#ifndef KT_PAGE_H
#define KT_PAGE_H

#include <libxml/tree.h>

#include "build/plan.h"
#include "diag.h"
#include "out/writer.h"

struct site {
	const struct kt_model *m;
	const struct kt_render_opts *o;
	const struct kt_plan *plan;	/* what the build makes: links go there */
	xmlDocPtr layout;
	struct kt_writer *w;
	struct kt_diag *d;
	gint ok;		/* atomic: pages are written in threads */
};

struct page {
	struct site *s;
	const struct kt_language *lang;
	const char *path;	/* relative to out/ */
	char *up;		/* "../" repeated to reach out/ */
	xmlDocPtr doc;
	xmlNodePtr main, head, title, languages;
	GPtrArray *alternates;	/* languages with real content, or NULL */
	GString *jsonld;	/* structured data for the head, or NULL */
	char *description;	/* the meta description, or NULL: the site's */
};

/* Nodes; text is always added as text, never parsed. */
xmlNodePtr h_el(xmlNodePtr parent, const char *name, const char *cls);
void h_text(xmlNodePtr parent, const char *s);
xmlNodePtr h_el_text(xmlNodePtr parent, const char *name, const char *cls,
    const char *s);
void h_attr(xmlNodePtr, const char *name, const char *value);
void h_clear(xmlNodePtr);

/*
 * UI strings of the page's language, borrowed from the model; h_fmt fills
 * {name} with value. Every char * returned below is the caller's to
 * g_free; the const ones are borrowed.
 */
const char *h_str(const struct page *, const char *key);
char *h_fmt(const struct page *, const char *key, const char *name,
    const char *value);
char *h_fmt_int(const struct page *, const char *key, int n);
/* key in the plural form for n ("1 resultaat", "2 resultaten"), {n}
 * filled in; the caller frees it with g_free. */
char *h_fmt_count(const struct page *, const char *key, int n);
/* The forms of key for a script: data-template (key.other) and
 * data-template-one, -few, ... where they differ from it. */
void h_plural_attrs(xmlNodePtr, const struct page *, const char *key);
const char *h_vocab_label(const struct page *, enum kt_vocab_id, int i);
char *h_vocab_list(const struct page *, enum kt_vocab_id, guint32 mask);
char *h_year_list(guint32 mask);
/* School type i's label, or "vmbo" (static) when i is the first track
 * and all four vmbo tracks are in together: the caller then skips the
 * other three. */
const char *h_school_type(const struct page *, guint32 together, int i);
/* An item's years: "1, 2", or per school type "vmbo 4 · mbo 1". */
char *h_years(const struct page *, const struct kt_item *);

/* A link from this page to target, a path relative to out/; percent-
 * encoded. The caller frees it with g_free. */
char *h_href(const struct page *, const char *target);
/* Where the school's logo is in out/ ("assets/school-logo.svg" or .png),
 * borrowed, or NULL: site.yaml names none. */
const char *h_logo_path(const struct kt_model *);
xmlNodePtr h_link(xmlNodePtr parent, const struct page *, const char *target,
    const char *label, const char *cls);
void h_picto(xmlNodePtr parent, struct page *, const char *name, int size);
/*
 * Markdown into parent (see kt_md_to_xml), its links to other items
 * resolved to their pages in the page's language, or to the Dutch page
 * (with hreflang) of an item not translated.
 */
void h_md(xmlNodePtr parent, const struct page *, const struct kt_md *,
    int under, gboolean inline_only);
/* Marks n as written in lang when that is not the page's language. */
void h_mark_lang(xmlNodePtr n, const struct page *, const char *lang);

/*
 * A value of a vocabulary in the page's language, from the i18n files
 * ("gesprek in groepjes", never "gesprek-in-groepjes"); borrowed.
 */
const char *h_vocab_in(const struct page *, enum kt_vocab_id, int i);
/*
 * A career competence as a teacher knows it: the official Dutch term
 * beside the plain question, "Werkexploratie: welk werk past bij mij?".
 * h_competence puts it into parent with the Dutch term marked lang="nl"
 * on other pages; h_competence_text returns it as one string in lang,
 * for the search index and structured data (the caller frees it).
 */
void h_competence(xmlNodePtr parent, const struct page *, int i);
char *h_competence_text(const struct kt_model *, const char *lang, int i);

/*
 * A page at path (relative to out/) in a language; h_page_end writes it
 * with its meta description (p->description, else the site's), its
 * canonical address and absolute hreflang alternates from basis_url.
 */
struct page *h_page_begin(struct site *, const struct kt_language *,
    const char *path);
void h_page_end(struct page *, const char *title);

/*
 * A section "Werkbladen" with a list, and a link to a PDF in it when the
 * plan makes the file (else nothing); h_downloads_end removes the section
 * when no link went into it.
 */
xmlNodePtr h_downloads_section(xmlNodePtr parent, const struct page *);
void h_pdf_link(xmlNodePtr ul, const struct page *, const char *target,
    const char *label, const struct kt_language *);
void h_downloads_end(xmlNodePtr ul);

/* An item's page in a language; the files outside the languages. */
void h_item_page(struct site *, const struct kt_item *,
    const struct kt_language *);
void h_shared(struct site *);

/* Parts of every item's page (html.c), for the pages made elsewhere: the
 * title block (its article), a fact or a set of vocabulary values in a
 * list of facts, the links to the item in other languages, a heading and
 * Markdown in lang. */
xmlNodePtr h_item_head(struct page *, const struct kt_item *,
    const struct kt_text *, const char *kind_key);
void h_fact(xmlNodePtr dl, const char *label, const char *value);
void h_fact_set(xmlNodePtr dl, const struct page *, const char *key,
    enum kt_vocab_id, guint32 mask);
void h_translations(xmlNodePtr parent, const struct page *,
    const struct kt_item *);
void h_md_section(xmlNodePtr parent, const struct page *,
    const char *heading, const struct kt_md *, const char *lang);

/* A talk guide's page (talk.c); on an assignment's page, the talks that
 * look back at it (nothing when none does). */
void h_talk_page(struct site *, const struct kt_item *,
    const struct kt_language *);
void h_talks_back(xmlNodePtr parent, struct page *, const struct kt_item *);

/* The bank (bank.c): listings, facets, planner, search index. */
void h_bank(struct site *, const struct kt_language *);
void h_root(struct site *);
void h_404(struct site *);
/* sitemap.xml, the index of the sitemaps (feeds.c) */
void h_sitemap_index(struct site *);
/* A language's sitemap and feed: they list every item, as its bank does */
void h_feeds(struct site *, const struct kt_language *);

/* The item's text in lang, else its Dutch source; borrowed. */
struct kt_text *h_text_or_source(const struct kt_item *, const char *lang);
/* The codes of the languages an item has a text in; the caller frees
 * the array with g_ptr_array_free(a, TRUE). */
GPtrArray *h_languages_of(const struct kt_model *, const struct kt_item *);

#endif
