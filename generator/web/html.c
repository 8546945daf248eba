/*
 * The website. Each page is a copy of the theme's layout.html with its
 * slots filled by nodes built here; all text goes in as text nodes, so
 * escaping is never a choice. Links are relative, so the site works from
 * any folder of any web server and from file://.
 */
#include "web/page.h"
#include "web/search.h"

#include <libxml/parser.h>
#include <string.h>

#include "text/json.h"
#include "text/url.h"

/* ---- parts of item pages ---- */

/* A term and its value; the value's dd, or NULL when there is none. */
static xmlNodePtr
fact(xmlNodePtr dl, const char *label, const char *value)
{
	xmlNodePtr div;

	if (value == NULL || *value == '\0')
		return NULL;
	div = h_el(dl, "div", NULL);
	h_el_text(div, "dt", NULL, label);
	return h_el_text(div, "dd", NULL, value);
}

/* The competences, official term and plain question, one a line. */
static void
fact_competences(xmlNodePtr dl, const struct page *p, guint32 mask)
{
	xmlNodePtr div, ul;

	if (mask == 0)
		return;
	div = h_el(dl, "div", "competences");
	h_el_text(div, "dt", NULL, h_str(p, "facet.competenties"));
	ul = h_el(h_el(div, "dd", NULL), "ul", NULL);
	for (int i = 0; i < kt_vocab_size(KT_V_COMPETENCE); i++)
		if (mask & (1u << i))
			h_competence(h_el(ul, "li", NULL), p, i);
}

static void
fact_set(xmlNodePtr dl, const struct page *p, const char *key,
    enum kt_vocab_id v, guint32 mask)
{
	char *s = h_vocab_list(p, v, mask);

	fact(dl, h_str(p, key), s);
	g_free(s);
}

static void
notice_draft(xmlNodePtr parent, const struct page *p)
{
	xmlNodePtr n = h_el(parent, "p", "notice notice-draft");

	h_el_text(n, "strong", NULL, h_str(p, "draft.label"));
	h_text(n, ": ");
	h_text(n, h_str(p, "draft.note"));
}

static void
notice_missing(xmlNodePtr parent, const struct page *p, enum kt_kind k,
    const char *slug)
{
	xmlNodePtr n = h_el(parent, "p", "notice notice-missing");
	char *msg = h_fmt(p, "missing.note", "lang", p->lang->name);
	char *target = kt_page_path("nl", k, slug);
	xmlNodePtr a;

	h_text(n, msg);
	h_text(n, " ");
	a = h_link(n, p, target, h_str(p, "missing.link"), NULL);
	h_attr(a, "hreflang", "nl");
	g_free(target);
	g_free(msg);
}

/* A section heading and Markdown, marked when in another language. */
static void
md_section(xmlNodePtr parent, const struct page *p, const char *heading,
    const struct kt_md *m, const char *lang)
{
	xmlNodePtr sec, body;

	if (m == NULL)
		return;
	sec = h_el(parent, "section", NULL);
	h_el_text(sec, "h3", NULL, heading);
	body = h_el(sec, "div", "prose");
	h_mark_lang(body, p, lang);
	h_md(body, p, m, 3, FALSE);
}



/* schema.org LearningResource: what search engines and school tools read */
static void
jsonld(struct page *p, const struct kt_item *it, const struct kt_text *t)
{
	static const char *const types[KT_KIND_COUNT] = {
		"thuisopdracht", "thema-avond", "tip", "gesprek"
	};
	GString *j = g_string_new("{\"@context\":\"https://schema.org\","
	    "\"@type\":\"LearningResource\",\"name\":");
	const struct kt_site *site = &p->s->m->site;
	char *page = kt_page_path(p->lang->code, it->kind, it->slug);
	char *u = kt_url_join(site->base_url ? site->base_url : "", page);
	gboolean first = TRUE;

	kt_json_str(j, t->title ? t->title : it->slug);
	if (t->summary != NULL) {
		g_string_append(j, ",\"description\":");
		kt_json_str(j, t->summary);
	}
	g_string_append(j, ",\"inLanguage\":");
	kt_json_str(j, t->lang);
	g_string_append(j, ",\"url\":");
	kt_json_str(j, u);
	g_string_append(j, ",\"learningResourceType\":");
	kt_json_str(j, types[it->kind]);
	g_string_append(j, ",\"educationalLevel\":[");
	for (int i = 0; i < kt_vocab_size(KT_V_SCHOOL_TYPE); i++)
		if (it->school_types & (1u << i)) {
			g_string_append(j, first ? "" : ",");
			kt_json_str(j, kt_vocab_name(KT_V_SCHOOL_TYPE, i));
			first = FALSE;
		}
	for (int y = 1; y <= 6; y++)
		if (it->years & (1u << y)) {
			char *s = g_strdup_printf("leerjaar %d", y);
			g_string_append(j, first ? "" : ",");
			kt_json_str(j, s);
			first = FALSE;
			g_free(s);
		}
	g_string_append_c(j, ']');
	if (it->minutes > 0)
		g_string_append_printf(j, ",\"timeRequired\":\"PT%dM\"",
		    it->minutes);
	if (it->competences != 0) {
		first = TRUE;
		g_string_append(j, ",\"teaches\":[");
		for (int i = 0; i < kt_vocab_size(KT_V_COMPETENCE); i++)
			if (it->competences & (1u << i)) {
				g_string_append(j, first ? "" : ",");
				char *c = h_competence_text(p->s->m,
				    p->lang->code, i);

				kt_json_str(j, c);
				first = FALSE;
				g_free(c);
			}
		g_string_append_c(j, ']');
	}
	g_string_append(j, ",\"isAccessibleForFree\":true");
	if (site->school != NULL) {
		g_string_append(j, ",\"publisher\":{\"@type\":"
		    "\"EducationalOrganization\",\"name\":");
		kt_json_str(j, site->school);
		g_string_append_c(j, '}');
	}
	g_string_append_c(j, '}');
	p->jsonld = j;
	g_free(u);
	g_free(page);
}

/* Title block shared by every item page. */
static xmlNodePtr
item_head(struct page *p, const struct kt_item *it, const struct kt_text *t,
    const char *kind_key)
{
	xmlNodePtr art = h_el(p->main, "article", "item");
	xmlNodePtr h1;

	/* only the Dutch text of an item not translated is marked Dutch,
	 * never the labels of the page around it */
	jsonld(p, it, t);
	if (t->summary != NULL && strcmp(t->lang, p->lang->code) == 0)
		p->description = g_strdup(t->summary);
	h_el_text(art, "p", "kind", h_str(p, kind_key));
	h1 = h_el(art, "h1", NULL);
	h_picto(h1, p, it->pictogram, 72);
	h_mark_lang(h_el_text(h1, "span", NULL, t->title ? t->title :
	    it->slug), p, t->lang);
	if (kt_item_text(it, p->lang->code) == NULL)
		notice_missing(art, p, it->kind, it->slug);
	else if (t->status == KT_DRAFT)
		notice_draft(art, p);
	if (t->summary != NULL)
		h_mark_lang(h_el_text(art, "p", "summary", t->summary), p,
		    t->lang);
	return art;
}

static void
translations_list(xmlNodePtr parent, const struct page *p,
    const struct kt_item *it)
{
	const struct kt_site *site = &p->s->m->site;
	xmlNodePtr para = NULL;

	for (guint i = 0; i < site->languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(
		    site->languages, i);
		char *target;
		xmlNodePtr a;

		if (l == p->lang || kt_item_text(it, l->code) == NULL)
			continue;
		if (para == NULL) {
			para = h_el(parent, "p", "translations");
			h_text(para, h_str(p, "lang.available"));
			h_text(para, ": ");
		} else {
			h_text(para, " · ");
		}
		target = kt_page_path(l->code, it->kind, it->slug);
		a = h_link(para, p, target, l->name, NULL);
		h_attr(a, "hreflang", l->code);
		h_attr(a, "lang", l->code);
		h_attr(a, "dir", l->rtl ? "rtl" : "ltr");
		g_free(target);
	}
}

static void
downloads(xmlNodePtr parent, const struct page *p, const struct kt_item *it)
{
	const struct kt_site *site = &p->s->m->site;
	xmlNodePtr ul = h_downloads_section(parent, p);
	char *target, *label;

	for (guint i = 0; i < site->languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(
		    site->languages, i);

		target = kt_sheet_path(l->code, it->slug);
		h_pdf_link(ul, p, target, l->name, l);
		g_free(target);
		/* the same sheet beside the Dutch */
		target = kt_bilingual_path(l->code, it->slug);
		label = g_strdup_printf("%s + Nederlands", l->name);
		h_pdf_link(ul, p, target, label, l);
		g_free(label);
		g_free(target);
	}
	target = kt_checklist_path(it->slug);
	h_pdf_link(ul, p, target, kt_str(p->s->m, "nl", "checklist.title"),
	    g_ptr_array_index(site->languages, 0));
	g_free(target);
	h_downloads_end(ul);
}

/* A link to one of an evening's PDFs in a language: "Title: language". */
static void
evening_pdf(xmlNodePtr ul, const struct page *p, const struct kt_item *it,
    const struct kt_language *l, const char *what, const char *key)
{
	char *target = kt_evening_path(l->code, it->slug, what);
	char *label = g_strdup_printf("%s: %s", kt_str(p->s->m, l->code, key),
	    l->name);

	h_pdf_link(ul, p, target, label, l);
	g_free(label);
	g_free(target);
}

/* The printables of an evening: invitations, cards, run-sheet. */
static void
evening_downloads(xmlNodePtr parent, const struct page *p,
    const struct kt_item *it)
{
	const struct kt_site *site = &p->s->m->site;
	const struct kt_language *nl = g_ptr_array_index(site->languages, 0);
	xmlNodePtr ul = h_downloads_section(parent, p);
	char *target;

	target = kt_evening_path("nl", it->slug, "draaiboek");
	h_pdf_link(ul, p, target, kt_str(p->s->m, "nl", "runsheet.title"), nl);
	g_free(target);
	/* for a debate: the boards, in Dutch and the evening's languages */
	target = kt_evening_path("nl", it->slug, "borden");
	h_pdf_link(ul, p, target, h_str(p, "board.title"), NULL);
	g_free(target);
	for (guint i = 0; i < site->languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(
		    site->languages, i);

		evening_pdf(ul, p, it, l, "uitnodiging", "invite.title");
		evening_pdf(ul, p, it, l, "stellingen", "section.stellingen");
	}
	target = kt_compliments_path(p->lang->code);
	h_pdf_link(ul, p, target, h_str(p, "compliment.title"), p->lang);
	g_free(target);
	h_downloads_end(ul);
}

static void
render_assignment(struct site *s, const struct kt_item *it,
    const struct kt_language *lang)
{
	char *path = kt_page_path(lang->code, it->kind, it->slug);
	struct page *p = h_page_begin(s, lang, path);
	const struct kt_text *t = h_text_or_source(it, lang->code);
	xmlNodePtr art, dl, sec, ol, teacher, body;
	char *s1;

	p->alternates = h_languages_of(s->m, it);
	art = item_head(p, it, t, "kind.opdracht");
	dl = h_el(art, "dl", "facts");
	fact_set(dl, p, "facet.onderwijstype", KT_V_SCHOOL_TYPE,
	    it->school_types);
	s1 = h_years(p, it);
	fact(dl, h_str(p, "facet.leerjaar"), s1);
	g_free(s1);
	fact_competences(dl, p, it->competences);
	fact_set(dl, p, "facet.fase", KT_V_PHASE, it->phases);
	fact_set(dl, p, "facet.keuze", KT_V_CHOICE, it->choices);
	s1 = h_fmt_int(p, "duur.minuten", it->minutes);
	fact(dl, h_str(p, "facet.duur"), s1);
	g_free(s1);
	if (t->materials->len > 0) {
		GString *m = g_string_new(NULL);


		for (guint i = 0; i < t->materials->len; i++)
			g_string_append_printf(m, "%s%s", i ? ", " : "",
			    (char *)g_ptr_array_index(t->materials, i));
		h_mark_lang(fact(dl, h_str(p, "facet.materialen"), m->str), p,
		    t->lang);
		g_string_free(m, TRUE);
	}
	translations_list(art, p, it);
	downloads(art, p, it);
	h_talks_back(art, p, it);

	sec = h_el(art, "section", "home-part");
	h_attr(sec, "id", "thuis");
	h_el_text(sec, "h2", NULL, h_str(p, "section.thuis"));
	{
		/* shown by site.js when the browser has a voice for the page */
		xmlNodePtr b = h_el_text(sec, "button", "read-aloud",
		    h_str(p, "readaloud"));

		h_attr(b, "type", "button");
		h_attr(b, "hidden", "hidden");
		h_attr(b, "data-read-aloud", "");
		h_attr(b, "aria-controls", "thuis-text");
		h_attr(b, "aria-pressed", "false");
		h_attr(b, "data-label", h_str(p, "readaloud"));
		h_attr(b, "data-stop", h_str(p, "readaloud.stop"));
		sec = h_el(sec, "div", NULL);
		h_attr(sec, "id", "thuis-text");
	}
	body = h_el(sec, "div", "prose intro");
	h_mark_lang(body, p, t->lang);
	h_md(body, p, t->intro, 2, FALSE);
	h_el_text(sec, "h3", NULL, h_str(p, "section.stappen"));
	ol = h_el(sec, "ol", "steps");
	h_mark_lang(ol, p, t->lang);
	for (guint i = 0; i < t->steps->len; i++) {
		const struct kt_step *st = g_ptr_array_index(t->steps, i);
		xmlNodePtr li = h_el(ol, "li", NULL);

		h_picto(li, p, st->pictogram, 56);
		h_md(h_el(li, "span", "step-text"), p, st->text, 3, TRUE);
	}
	if (t->questions->len > 0) {
		xmlNodePtr ul;
		h_el_text(sec, "h3", NULL, h_str(p, "section.vragen"));
		ul = h_el(sec, "ul", "questions");
		h_mark_lang(ul, p, t->lang);
		for (guint i = 0; i < t->questions->len; i++) {
			xmlNodePtr li = h_el(ul, "li", NULL);
			const char *asker = kt_asker_label(p->s->m, it, i,
			    t->lang);

			if (asker != NULL) {
				h_el_text(li, "span", "asker", asker);
				h_text(li, " ");
			}
			h_md(li, p, g_ptr_array_index(t->questions, i), 3,
			    TRUE);
		}
	}

	teacher = h_el(art, "section", "teacher-part");
	h_attr(teacher, "id", "docent");
	h_el_text(teacher, "h2", NULL, h_str(p, "section.docent"));
	{
		const struct kt_text *tt = t->goal != NULL ? t : it->source;
		if (tt != t || strcmp(tt->lang, lang->code) != 0)
			if (strcmp(lang->code, "nl") != 0)
				h_el_text(teacher, "p", "notice",
				    h_str(p, "teacher.dutch"));
		md_section(teacher, p, h_str(p, "section.doel"), tt->goal,
		    tt->lang);
		md_section(teacher, p, h_str(p, "section.inklas"), tt->in_class,
		    tt->lang);
		md_section(teacher, p, h_str(p, "section.nabespreken"),
		    tt->debrief, tt->lang);
	}
	h_page_end(p, t->title ? t->title : it->slug);
	g_free(path);
}

static char *
clock_at(const struct kt_item *it, int offset)
{
	int h = 0, m = 0;

	if (it->start != NULL)
		sscanf(it->start, "%d:%d", &h, &m);
	m += h * 60 + offset;
	return g_strdup_printf("%d:%02d", (m / 60) % 24, m % 60);
}

/* A section of the evening's script: its heading in the page's
 * language; what the school wrote in it is Dutch, marked so by callers. */
static xmlNodePtr
script_section(xmlNodePtr parent, const struct page *p, const char *key)
{
	xmlNodePtr sec = h_el(parent, "section", NULL);

	h_el_text(sec, "h2", NULL, h_str(p, key));
	return sec;
}

/* The roles of an evening: who does what. */
static void
evening_roles(xmlNodePtr script, struct page *p, const struct kt_item *it)
{
	xmlNodePtr dl = h_el(script_section(script, p, "section.rollen"),
	    "dl", "roles");

	for (guint i = 0; i < it->roles->len; i++) {
		const struct kt_role *r = g_ptr_array_index(it->roles, i);
		xmlNodePtr div = h_el(dl, "div", NULL), dd;

		h_el_text(div, "dt", NULL, h_vocab_in(p, KT_V_ROLE, r->role));
		dd = h_el(div, "dd", NULL);
		h_mark_lang(dd, p, "nl");
		h_md(dd, p, r->task, 2, TRUE);
	}
}

/* The preparation: what, by whom, how many weeks ahead. */
static void
evening_prep(xmlNodePtr script, struct page *p, const struct kt_item *it)
{
	static const char *const head[] = {
		"table.wanneer", "table.taak", "table.wie"
	};
	xmlNodePtr table = h_el(script_section(script, p,
	    "section.voorbereiding"), "table", "prep");
	xmlNodePtr tr = h_el(h_el(table, "thead", NULL), "tr", NULL), tb;

	for (guint i = 0; i < G_N_ELEMENTS(head); i++)
		h_el_text(tr, "th", NULL, h_str(p, head[i]));
	tb = h_el(table, "tbody", NULL);
	for (guint i = 0; i < it->prep->len; i++) {
		const struct kt_prep *pr = g_ptr_array_index(it->prep, i);
		char *when = h_fmt_int(p, pr->weeks == 0 ? "weken.nul" :
		    pr->weeks == 1 ? "weken.een" : "weken.vooraf", pr->weeks);
		xmlNodePtr td;

		tr = h_el(tb, "tr", NULL);
		h_el_text(tr, "td", NULL, when);
		td = h_el(tr, "td", NULL);
		h_mark_lang(td, p, "nl");
		h_md(td, p, pr->task, 2, TRUE);
		h_el_text(tr, "td", NULL, h_vocab_in(p, KT_V_ROLE, pr->who));
		g_free(when);
	}
}

/* One fact of a block: "Werkvorm" and its value, when it has one. */
static void
block_fact(xmlNodePtr dl, const struct page *p, const char *key,
    enum kt_vocab_id v, int i)
{
	xmlNodePtr div;

	if (i < 0)
		return;
	div = h_el(dl, "div", NULL);
	h_el_text(div, "dt", NULL, h_str(p, key));
	h_el_text(div, "dd", NULL, h_vocab_in(p, v, i));
}

/*
 * The programme: a block after another, each with its clock times, what
 * happens, its work form and who leads it. A list, not a table: on a
 * phone the blocks stack, and style.css sets them in columns where there
 * is room.
 */
static void
evening_programme(xmlNodePtr script, struct page *p, const struct kt_item *it)
{
	xmlNodePtr ol = h_el(script_section(script, p, "section.programma"),
	    "ol", "programme");
	int at = 0;

	for (guint i = 0; i < it->blocks->len; i++) {
		const struct kt_block *b = g_ptr_array_index(it->blocks, i);
		char *from = clock_at(it, at), *to, *span;
		xmlNodePtr li = h_el(ol, "li", "block"), what, dl;

		at += b->minutes;
		to = clock_at(it, at);
		span = g_strdup_printf("%s–%s", from, to);
		/* a span of times reads left to right on every page */
		h_attr(h_el_text(h_el(li, "p", "time"), "span", NULL, span),
		    "dir", "ltr");
		what = h_el(li, "div", "what");
		h_mark_lang(what, p, "nl");
		h_el_text(what, "h3", NULL, b->title ? b->title : "");
		h_md(what, p, b->text, 3, FALSE);
		dl = h_el(li, "dl", "block-facts");
		block_fact(dl, p, "table.werkvorm", KT_V_WORK_FORM, b->form);
		block_fact(dl, p, "table.leiding", KT_V_ROLE, b->lead);
		g_free(span);
		g_free(from);
		g_free(to);
	}
}

static void
render_evening(struct site *s, const struct kt_item *it,
    const struct kt_language *lang)
{
	char *path = kt_page_path(lang->code, it->kind, it->slug);
	struct page *p = h_page_begin(s, lang, path);
	const struct kt_text *t = h_text_or_source(it, lang->code);
	const struct kt_text *nl = it->source;
	xmlNodePtr art, dl, sec, script, body;
	char *s1;

	p->alternates = h_languages_of(s->m, it);
	art = item_head(p, it, t, "kind.avond");
	dl = h_el(art, "dl", "facts");
	if (t->theme != NULL)
		fact(dl, h_str(p, "facet.thema"), t->theme);
	else
		h_mark_lang(fact(dl, h_str(p, "facet.thema"), it->theme), p,
		    "nl");
	s1 = h_years(p, it);
	fact(dl, h_str(p, "facet.leerjaar"), s1);
	g_free(s1);
	if (it->audience >= 0)
		fact(dl, h_str(p, "facet.doelgroep"),
		    h_vocab_in(p, KT_V_AUDIENCE, it->audience));
	s1 = h_fmt_int(p, "duur.minuten", it->minutes);
	fact(dl, h_str(p, "facet.duur"), s1);
	g_free(s1);
	translations_list(art, p, it);
	evening_downloads(art, p, it);

	if (t->invitation != NULL) {
		sec = h_el(art, "section", "invitation");
		h_el_text(sec, "h2", NULL, h_str(p, "section.uitnodiging"));
		body = h_el(sec, "div", "prose");
		h_mark_lang(body, p, t->lang);
		h_md(body, p, t->invitation, 2, FALSE);
	}

	/* the script itself is for the school: written in Dutch */
	if (strcmp(lang->code, "nl") != 0)
		h_el_text(art, "p", "notice", h_str(p, "teacher.dutch"));
	script = h_el(art, "div", "script");
	md_section(script, p, h_str(p, "section.doel"), nl->goal, "nl");
	evening_roles(script, p, it);
	evening_prep(script, p, it);
	evening_programme(script, p, it);
	if (t->statements->len > 0) {
		xmlNodePtr ul;

		sec = h_el(art, "section", "statements");
		h_el_text(sec, "h2", NULL, h_str(p, "section.stellingen"));
		ul = h_el(sec, "ul", NULL);
		h_mark_lang(ul, p, t->lang);
		for (guint i = 0; i < t->statements->len; i++)
			h_md(h_el(ul, "li", NULL), p,
			    g_ptr_array_index(t->statements, i), 2, TRUE);
	}
	md_section(script, p, h_str(p, "section.nazorg"), nl->followup,
	    "nl");
	h_page_end(p, t->title ? t->title : it->slug);
	g_free(path);
}

static void
render_tip(struct site *s, const struct kt_item *it,
    const struct kt_language *lang)
{
	char *path = kt_page_path(lang->code, it->kind, it->slug);
	struct page *p = h_page_begin(s, lang, path);
	const struct kt_text *t = h_text_or_source(it, lang->code);
	xmlNodePtr art, dl, body;

	p->alternates = h_languages_of(s->m, it);
	art = item_head(p, it, t, "kind.tip");
	dl = h_el(art, "dl", "facts");
	if (it->group >= 0)
		fact(dl, h_str(p, "facet.groep"),
		    h_vocab_label(p, KT_V_GROUP, it->group));
	fact(dl, h_str(p, "facet.voor"),
	    h_vocab_label(p, KT_V_FOR, it->audience_tip));
	translations_list(art, p, it);
	body = h_el(art, "div", "prose");
	h_mark_lang(body, p, t->lang);
	h_md(body, p, t->body, 1, FALSE);
	if (t->phrases->len > 0) {
		xmlNodePtr sec = h_el(art, "section", "phrases");
		h_el_text(sec, "h2", NULL, h_str(p, "section.zinnen"));
		for (guint i = 0; i < t->phrases->len; i++) {
			xmlNodePtr q = h_el(sec, "blockquote", NULL);

			h_mark_lang(q, p, t->lang);
			h_md(q, p, g_ptr_array_index(t->phrases, i), 2, FALSE);
		}
	}
	h_page_end(p, t->title ? t->title : it->slug);
	g_free(path);
}

static void
copy_assets(struct site *s)
{
	char *dir = g_build_filename(s->o->theme, "assets", NULL);
	GDir *g = g_dir_open(dir, 0, NULL);
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	const char *name;
	GError *err = NULL;

	while (g != NULL && (name = g_dir_read_name(g)) != NULL)
		if (name[0] != '.')
			g_ptr_array_add(names, g_strdup(name));
	if (g != NULL)
		g_dir_close(g);
	g_ptr_array_sort(names, kt_cmp_str);
	for (guint i = 0; i < names->len; i++) {
		const char *n = g_ptr_array_index(names, i);
		char *from = g_build_filename(dir, n, NULL);
		char *to = g_strdup_printf("assets/%s", n);

		if (!kt_writer_copy(s->w, to, from, &err)) {
			kt_error(s->d, from, 0, 0, "cannot copy: %s",
			    err->message);
			g_clear_error(&err);
			g_atomic_int_set(&s->ok, FALSE);
		}
		g_free(from);
		g_free(to);
	}
	g_ptr_array_free(names, TRUE);
	g_free(dir);
}

/* The pictograms that appear on pages: every item's and every step's. */
static void
copy_pictograms(struct site *s)
{
	GHashTable *used = g_hash_table_new(g_str_hash, g_str_equal);
	GPtrArray *names;
	GError *err = NULL;

	for (int k = 0; k < KT_KIND_COUNT; k++)
		for (guint i = 0; i < s->m->items[k]->len; i++) {
			const struct kt_item *it = g_ptr_array_index(
			    s->m->items[k], i);

			if (it->pictogram != NULL)
				g_hash_table_add(used, it->pictogram);
			for (guint j = 0; j < it->source->steps->len; j++) {
				const struct kt_step *st = g_ptr_array_index(
				    it->source->steps, j);
				if (st->pictogram != NULL)
					g_hash_table_add(used, st->pictogram);
			}
		}
	names = kt_sorted_keys(used);
	for (guint i = 0; i < names->len; i++) {
		const char *name = g_ptr_array_index(names, i);
		const struct kt_picto *pic = g_hash_table_lookup(
		    s->m->pictograms, name);
		char *to = g_strdup_printf("pictogrammen/%s.svg", name);
		gsize len;
		const void *data;

		if (pic == NULL) {
			g_free(to);
			continue;
		}
		data = g_bytes_get_data(pic->svg, &len);
		if (!kt_writer_put(s->w, to, data, len, &err)) {
			kt_error(s->d, to, 0, 0, "cannot write: %s",
			    err->message);
			g_clear_error(&err);
			g_atomic_int_set(&s->ok, FALSE);
		}
		g_free(to);
	}
	g_ptr_array_free(names, TRUE);
	g_hash_table_destroy(used);
}

/* The school's logo, which every page's header shows. */
static void
copy_logo(struct site *s)
{
	const char *to = h_logo_path(s->m);
	GError *err = NULL;
	gsize len;
	const void *data;

	if (to == NULL)
		return;
	data = g_bytes_get_data(s->m->site.logo_data, &len);
	if (!kt_writer_put(s->w, to, data, len, &err)) {
		kt_error(s->d, to, 0, 0, "cannot write: %s", err->message);
		g_clear_error(&err);
		g_atomic_int_set(&s->ok, FALSE);
	}
}

/* ---- what talk.c's page shares with the others ---- */

xmlNodePtr
h_item_head(struct page *p, const struct kt_item *it,
    const struct kt_text *t, const char *kind_key)
{
	return item_head(p, it, t, kind_key);
}

void
h_fact(xmlNodePtr dl, const char *label, const char *value)
{
	fact(dl, label, value);
}

void
h_fact_set(xmlNodePtr dl, const struct page *p, const char *key,
    enum kt_vocab_id v, guint32 mask)
{
	fact_set(dl, p, key, v, mask);
}

void
h_translations(xmlNodePtr parent, const struct page *p,
    const struct kt_item *it)
{
	translations_list(parent, p, it);
}

void
h_md_section(xmlNodePtr parent, const struct page *p, const char *heading,
    const struct kt_md *m, const char *lang)
{
	md_section(parent, p, heading, m, lang);
}

/* An item's page in a language. */
void
h_item_page(struct site *s, const struct kt_item *it,
    const struct kt_language *lang)
{
	if (it->kind == KT_ASSIGNMENT)
		render_assignment(s, it, lang);
	else if (it->kind == KT_EVENING)
		render_evening(s, it, lang);
	else if (it->kind == KT_TALK)
		h_talk_page(s, it, lang);
	else
		render_tip(s, it, lang);
}

/* What is outside the languages: the root, the 404 page, the sitemap
 * index, the theme's assets and the pictograms. */
void
h_shared(struct site *s)
{
	h_root(s);
	h_404(s);
	h_sitemap_index(s);
	copy_assets(s);
	copy_pictograms(s);
	copy_logo(s);
	h_search_stemmers(s);
}
