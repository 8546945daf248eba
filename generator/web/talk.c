/*
 * A talk guide's page: what talk it is and for whom, its printables (the
 * family's preparation sheet in each language and beside the Dutch, the
 * mentor's guide), the family's part in the page's language and the
 * mentor's part in Dutch. And, on a home assignment's page, the talks
 * that look back at it.
 */
#include "web/page.h"

#include <string.h>

static void
talk_downloads(xmlNodePtr parent, const struct page *p,
    const struct kt_item *it)
{
	const struct kt_site *site = &p->s->m->site;
	const struct kt_language *nl = g_ptr_array_index(site->languages, 0);
	xmlNodePtr ul = h_downloads_section(parent, p);
	char *target, *label;

	target = kt_talk_path("nl", it->slug, "gespreksleidraad", FALSE);
	h_pdf_link(ul, p, target, kt_str(p->s->m, "nl", "talk.guide"), nl);
	g_free(target);
	for (guint i = 0; i < site->languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(
		    site->languages, i);

		target = kt_talk_path(l->code, it->slug, "voorbereiding",
		    FALSE);
		label = g_strdup_printf("%s: %s", kt_str(p->s->m, l->code,
		    "talk.family"), l->name);
		h_pdf_link(ul, p, target, label, l);
		g_free(label);
		g_free(target);
		target = kt_talk_path(l->code, it->slug, "voorbereiding",
		    TRUE);
		label = g_strdup_printf("%s: %s + Nederlands", kt_str(p->s->m,
		    l->code, "talk.family"), l->name);
		h_pdf_link(ul, p, target, label, l);
		g_free(label);
		g_free(target);
	}
	h_downloads_end(ul);
}

/* A list of questions in lang under a heading in the page's; nothing
 * when there are none. */
static void
question_list(xmlNodePtr parent, struct page *p, const char *heading,
    GPtrArray *qs, const char *cls, const char *lang)
{
	xmlNodePtr ul;

	if (qs->len == 0)
		return;
	h_el_text(parent, "h3", NULL, heading);
	ul = h_el(parent, "ul", cls);
	h_mark_lang(ul, p, lang);
	for (guint i = 0; i < qs->len; i++)
		h_md(h_el(ul, "li", NULL), p, g_ptr_array_index(qs, i), 3,
		    TRUE);
}

/* The assignments the talk looks back at, each a link to its page. */
static void
looked_back(xmlNodePtr parent, struct page *p, const struct kt_item *it)
{
	xmlNodePtr ul = NULL;

	for (guint i = 0; i < it->looks_back->len; i++) {
		const struct kt_ref *r = g_ptr_array_index(it->looks_back, i);
		const struct kt_item *a = kt_model_find(p->s->m,
		    KT_ASSIGNMENT, r->slug);
		const struct kt_text *t;
		char *target;
		xmlNodePtr link;

		if (a == NULL)
			continue;
		if (ul == NULL) {
			h_el_text(parent, "h3", NULL,
			    h_str(p, "talk.heading.back"));
			ul = h_el(parent, "ul", "looks-back");
		}
		t = h_text_or_source(a, p->lang->code);
		target = kt_page_path(kt_item_page_lang(a, p->lang->code),
		    KT_ASSIGNMENT, a->slug);
		link = h_link(h_el(ul, "li", NULL), p, target, NULL, NULL);
		h_picto(link, p, a->pictogram, 40);
		h_mark_lang(h_el_text(link, "span", NULL, t->title ? t->title :
		    a->slug), p, t->lang);
		g_free(target);
	}
}

/* The mentor's part: its text in Dutch (marked so on a translated page),
 * its headings in the page's language. */
static void
mentor_part(xmlNodePtr art, struct page *p, const struct kt_item *it)
{
	const struct kt_text *nl = it->source;
	xmlNodePtr sec = h_el(art, "section", "mentor-part"), ol;
	int at = 0;

	h_attr(sec, "id", "mentor");
	h_el_text(sec, "h2", NULL, h_str(p, "talk.section.mentor"));
	if (strcmp(p->lang->code, "nl") != 0)
		h_el_text(sec, "p", "notice", h_str(p, "teacher.dutch"));
	h_md_section(sec, p, h_str(p, "talk.opening"), nl->opening, "nl");
	ol = h_el(sec, "ol", "talk-parts");
	for (guint i = 0; i < it->parts->len; i++) {
		const struct kt_talk_part *pt = g_ptr_array_index(it->parts, i);
		char *key = g_strdup_printf("v.deel.%s", pt->part >= 0 ?
		    kt_vocab_name(KT_V_TALK_PART, pt->part) : "");
		char *head = g_strdup_printf("%s · %d–%d min", h_str(p, key),
		    at, at + pt->minutes);
		xmlNodePtr li = h_el(ol, "li", NULL), ul;

		at += pt->minutes;
		h_el_text(li, "h3", NULL, head);
		ul = h_el(li, "ul", NULL);
		h_mark_lang(ul, p, "nl");
		for (guint q = 0; q < pt->questions->len; q++)
			h_md(h_el(ul, "li", NULL), p,
			    g_ptr_array_index(pt->questions, q), 3, TRUE);
		g_free(head);
		g_free(key);
	}
	h_md_section(sec, p, h_str(p, "talk.closing"), nl->closing, "nl");
	h_md_section(sec, p, h_str(p, "talk.notes"), nl->notes, "nl");
}

void
h_talk_page(struct site *s, const struct kt_item *it,
    const struct kt_language *lang)
{
	char *path = kt_page_path(lang->code, it->kind, it->slug);
	struct page *p = h_page_begin(s, lang, path);
	const struct kt_text *t = h_text_or_source(it, lang->code);
	xmlNodePtr art, dl, sec, body;
	char *s1;

	p->alternates = h_languages_of(s->m, it);
	art = h_item_head(p, it, t, "kind.gesprek");
	dl = h_el(art, "dl", "facts");
	if (it->talk >= 0)
		h_fact(dl, h_str(p, "talk.soort"),
		    h_vocab_label(p, KT_V_TALK, it->talk));
	h_fact_set(dl, p, "facet.onderwijstype", KT_V_SCHOOL_TYPE,
	    it->school_types);
	s1 = h_years(p, it);
	h_fact(dl, h_str(p, "facet.leerjaar"), s1);
	g_free(s1);
	h_fact_set(dl, p, "facet.keuze", KT_V_CHOICE, it->choices);
	s1 = h_fmt_int(p, "duur.minuten", it->minutes);
	h_fact(dl, h_str(p, "facet.duur"), s1);
	g_free(s1);
	h_translations(art, p, it);
	talk_downloads(art, p, it);

	sec = h_el(art, "section", "family-part");
	h_attr(sec, "id", "gezin");
	h_el_text(sec, "h2", NULL, h_str(p, "talk.section.family"));
	body = h_el(sec, "div", "prose intro");
	h_mark_lang(body, p, t->lang);
	h_md(body, p, t->intro, 2, FALSE);
	looked_back(sec, p, it);
	question_list(sec, p, h_str(p, "talk.heading.pupil"),
	    t->pupil_questions, "questions pupil", t->lang);
	question_list(sec, p, h_str(p, "talk.heading.parent"),
	    t->parent_questions, "questions parent", t->lang);
	mentor_part(art, p, it);
	h_page_end(p, t->title ? t->title : it->slug);
	g_free(path);
}

void
h_talks_back(xmlNodePtr parent, struct page *p, const struct kt_item *it)
{
	GPtrArray *talks = p->s->m->items[KT_TALK];
	xmlNodePtr ul = NULL;

	for (guint i = 0; i < talks->len; i++) {
		const struct kt_item *talk = g_ptr_array_index(talks, i);
		gboolean back = FALSE;
		const struct kt_text *t;
		char *target;

		for (guint j = 0; j < talk->looks_back->len && !back; j++)
			back = strcmp(((struct kt_ref *)g_ptr_array_index(
			    talk->looks_back, j))->slug, it->slug) == 0;
		if (!back)
			continue;
		if (ul == NULL) {
			xmlNodePtr sec = h_el(parent, "section", "talks-back");

			h_el_text(sec, "h2", NULL, h_str(p, "talk.back.title"));
			ul = h_el(sec, "ul", NULL);
		}
		t = h_text_or_source(talk, p->lang->code);
		target = kt_page_path(kt_item_page_lang(talk, p->lang->code),
		    KT_TALK, talk->slug);
		h_mark_lang(h_link(h_el(ul, "li", NULL), p, target,
		    t->title ? t->title : talk->slug, NULL), p, t->lang);
		g_free(target);
	}
}
