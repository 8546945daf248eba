/*
 * The website. Each page is a copy of the theme's layout.html with its
 * slots filled by nodes built here; all text goes in as text nodes, so
 * escaping is never a choice. Links are relative, so the site works from
 * any folder of any web server and from file://.
 */
#include "render.h"

#include <libxml/parser.h>
#include <string.h>

#include "html_write.h"
#include "markdown.h"

struct site {
	const struct kt_model *m;
	const struct kt_render_opts *o;
	xmlDocPtr layout;
	struct kt_writer *w;
	struct kt_diag *d;
	GHashTable *pictos;	/* names used on pages */
	gboolean ok;
};

struct page {
	struct site *s;
	const struct kt_language *lang;
	const char *path;	/* relative to out/ */
	char *up;		/* "../" repeated to reach out/ */
	xmlDocPtr doc;
	xmlNodePtr main, head, title, languages;
	GPtrArray *alternates;	/* languages with real content, or NULL */
};

char *
kt_page_path(const char *lang, enum kt_kind k, const char *slug)
{
	return g_strdup_printf("%s/%s/%s.html", lang, kt_kind_dir(k), slug);
}

char *
kt_sheet_path(const char *lang, const char *slug)
{
	return g_strdup_printf("%s/opdrachten/%s.pdf", lang, slug);
}

char *
kt_bilingual_path(const char *lang, const char *slug)
{
	return g_strdup_printf("%s/opdrachten/%s.%s-nl.pdf", lang, slug, lang);
}

/* ---- building nodes ---- */

static xmlNodePtr
el(xmlNodePtr parent, const char *name, const char *cls)
{
	xmlNodePtr n = xmlNewDocNode(parent->doc, NULL, BAD_CAST name, NULL);

	if (cls != NULL)
		xmlSetProp(n, BAD_CAST "class", BAD_CAST cls);
	return xmlAddChild(parent, n);
}

static void
text(xmlNodePtr parent, const char *s)
{
	xmlAddChild(parent, xmlNewDocText(parent->doc, BAD_CAST s));
}

static xmlNodePtr
el_text(xmlNodePtr parent, const char *name, const char *cls, const char *s)
{
	xmlNodePtr n = el(parent, name, cls);

	text(n, s);
	return n;
}

static void
attr(xmlNodePtr n, const char *name, const char *value)
{
	xmlSetProp(n, BAD_CAST name, BAD_CAST value);
}

static void
clear(xmlNodePtr n)
{
	while (n->children != NULL) {
		xmlNodePtr c = n->children;
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
}

static const char *
str(const struct page *p, const char *key)
{
	return kt_str(p->s->m, p->lang->code, key);
}

/* A UI string with {n}, {lang} filled in. */
static char *
fmt(const struct page *p, const char *key, const char *name,
    const char *value)
{
	const char *t = str(p, key);
	char *ph = g_strdup_printf("{%s}", name);
	char **parts = g_strsplit(t, ph, -1);
	char *r = g_strjoinv(value, parts);

	g_strfreev(parts);
	g_free(ph);
	return r;
}

static char *
fmt_int(const struct page *p, const char *key, int n)
{
	char v[16];

	g_snprintf(v, sizeof v, "%d", n);
	return fmt(p, key, "n", v);
}

/* The display name of a vocabulary value, or the value itself. */
static const char *
vocab_label(const struct page *p, enum kt_vocab_id v, int i)
{
	char *key = g_strdup_printf("v.%s.%s", kt_vocabs[v].field,
	    kt_vocab_name(v, i));
	const char *s = str(p, key);

	g_free(key);
	return *s != '\0' ? s : kt_vocab_name(v, i);
}

static char *
vocab_list(const struct page *p, enum kt_vocab_id v, guint32 mask)
{
	GString *s = g_string_new(NULL);

	for (int i = 0; i < kt_vocab_size(v); i++)
		if (mask & (1u << i)) {
			if (s->len > 0)
				g_string_append(s, ", ");
			g_string_append(s, vocab_label(p, v, i));
		}
	return g_string_free(s, FALSE);
}

static char *
year_list(guint32 mask)
{
	GString *s = g_string_new(NULL);

	for (int y = 1; y <= 6; y++)
		if (mask & (1u << y))
			g_string_append_printf(s, "%s%d", s->len ? ", " : "", y);
	return g_string_free(s, FALSE);
}

static char *
href(const struct page *p, const char *target)
{
	return g_strconcat(p->up, target, NULL);
}

static xmlNodePtr
link(xmlNodePtr parent, const struct page *p, const char *target,
    const char *label, const char *cls)
{
	xmlNodePtr a = el(parent, "a", cls);
	char *h = href(p, target);

	attr(a, "href", h);
	g_free(h);
	if (label != NULL)
		text(a, label);
	return a;
}

static void
picto(xmlNodePtr parent, struct page *p, const char *name, int size)
{
	xmlNodePtr img;
	char *target, *h;
	char sz[16];

	if (name == NULL)
		return;
	g_hash_table_add(p->s->pictos, (gpointer)name);
	target = g_strdup_printf("pictogrammen/%s.svg", name);
	h = href(p, target);
	img = el(parent, "img", "picto");
	attr(img, "src", h);
	attr(img, "alt", "");
	g_snprintf(sz, sizeof sz, "%d", size);
	attr(img, "width", sz);
	attr(img, "height", sz);
	g_free(h);
	g_free(target);
}

/* Marks a node as being in another language than the page. */
static void
mark_lang(xmlNodePtr n, const struct page *p, const char *lang)
{
	const struct kt_language *l;

	if (strcmp(lang, p->lang->code) == 0)
		return;
	attr(n, "lang", lang);
	l = kt_site_language(&p->s->m->site, lang);
	attr(n, "dir", l != NULL && l->rtl ? "rtl" : "ltr");
}

/* ---- the page frame ---- */

static void
fill_template(struct page *p, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		xmlChar *v;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((v = xmlGetProp(n, BAD_CAST "data-i18n")) != NULL) {
			clear(n);
			text(n, str(p, (const char *)v));
			xmlUnsetProp(n, BAD_CAST "data-i18n");
			xmlFree(v);
		}
		if (xmlHasProp(n, BAD_CAST "data-root")) {
			static const char *const attrs[] = { "href", "src" };
			for (int i = 0; i < 2; i++) {
				xmlChar *u = xmlGetProp(n, BAD_CAST attrs[i]);
				if (u != NULL) {
					char *h = href(p, (const char *)u);
					attr(n, attrs[i], h);
					g_free(h);
					xmlFree(u);
				}
			}
			xmlUnsetProp(n, BAD_CAST "data-root");
		}
		if ((v = xmlGetProp(n, BAD_CAST "data-slot")) != NULL) {
			const char *slot = (const char *)v;

			/* what the designer wrote in a filled slot is a sample */
			if (strcmp(slot, "head") != 0 && strcmp(slot, "home") != 0)
				clear(n);

			if (strcmp(slot, "main") == 0)
				p->main = n;
			else if (strcmp(slot, "head") == 0)
				p->head = n;
			else if (strcmp(slot, "title") == 0)
				p->title = n;
			else if (strcmp(slot, "languages") == 0)
				p->languages = n;
			else if (strcmp(slot, "school") == 0)
				text(n, p->s->m->site.school ?
				    p->s->m->site.school : "");
			else if (strcmp(slot, "home") == 0) {
				char *t = g_strdup_printf("%s/index.html",
				    p->lang->code);
				char *h = href(p, t);
				attr(n, "href", h);
				g_free(h);
				g_free(t);
			} else if (strcmp(slot, "nav") == 0) {
				xmlNodePtr ul = el(n, "ul", NULL);
				char *t = g_strdup_printf("%s/index.html",
				    p->lang->code);
				link(el(ul, "li", NULL), p, t,
				    str(p, "nav.home"), NULL);
				g_free(t);
				attr(n, "aria-label", str(p, "nav.label"));
				for (int k = 0; k < KT_KIND_COUNT; k++) {
					char key[32];
					g_snprintf(key, sizeof key, "nav.%s",
					    kt_kind_dir((enum kt_kind)k));
					t = g_strdup_printf("%s/%s/index.html",
					    p->lang->code,
					    kt_kind_dir((enum kt_kind)k));
					link(el(ul, "li", NULL), p, t,
					    str(p, key), NULL);
					g_free(t);
				}
			} else if (strcmp(slot, "footer") == 0) {
				xmlNodePtr f = el(n, "p", NULL);
				xmlNodePtr a = el(f, "a", NULL);
				attr(a, "href", "https://openmoji.org/");
				text(a, str(p, "credit"));
				text(f, " · ");
				text(f, str(p, "made.with"));
			}
			xmlUnsetProp(n, BAD_CAST "data-slot");
			xmlFree(v);
		}
		fill_template(p, n->children);
	}
}

static struct page *
page_begin(struct site *s, const struct kt_language *lang, const char *path)
{
	struct page *p = g_new0(struct page, 1);
	xmlNodePtr html;
	GString *up = g_string_new(NULL);

	p->s = s;
	p->lang = lang;
	p->path = path;
	for (const char *c = path; *c; c++)
		if (*c == '/')
			g_string_append(up, "../");
	/* the 404 page is served at any depth: absolute links there */
	if (strcmp(path, "404.html") == 0 && s->m->site.base_url != NULL)
		g_string_assign(up, s->m->site.base_url);
	p->up = g_string_free(up, FALSE);
	p->doc = xmlCopyDoc(s->layout, 1);
	html = xmlDocGetRootElement(p->doc);
	attr(html, "lang", lang->code);
	attr(html, "dir", lang->rtl ? "rtl" : "ltr");
	fill_template(p, html);
	return p;
}

/* The same page in another language: swap the leading language folder. */
static char *
path_in(const struct page *p, const char *lang)
{
	const char *rest = strchr(p->path, '/');

	return g_strconcat(lang, rest ? rest : "/index.html", NULL);
}

static void
page_end(struct page *p, const char *title)
{
	const struct kt_site *site = &p->s->m->site;
	GString *out = g_string_new(NULL);
	GError *err = NULL;

	if (p->title != NULL) {
		char *t = g_strdup_printf("%s · %s", title,
		    site->school ? site->school : "keukentafel");
		clear(p->title);
		text(p->title, t);
		g_free(t);
	}
	/* language switcher, and hreflang alternates in the head */
	if (p->languages != NULL) {
		xmlNodePtr ul = el(p->languages, "ul", NULL);
		attr(p->languages, "aria-label", str(p, "lang.label"));
		for (guint i = 0; i < site->languages->len; i++) {
			const struct kt_language *l = g_ptr_array_index(
			    site->languages, i);
			char *target = path_in(p, l->code);
			xmlNodePtr li = el(ul, "li", NULL);
			xmlNodePtr a = link(li, p, target, l->name, NULL);

			attr(a, "hreflang", l->code);
			attr(a, "lang", l->code);
			if (l == p->lang)
				attr(a, "aria-current", "page");
			g_free(target);
		}
	}
	if (p->head != NULL) {
		for (guint i = 0; i < site->languages->len; i++) {
			const struct kt_language *l = g_ptr_array_index(
			    site->languages, i);
			xmlNodePtr ln;
			char *target, *h;

			if (p->alternates != NULL &&
			    !g_ptr_array_find_with_equal_func(p->alternates,
			    l->code, g_str_equal, NULL))
				continue;
			target = path_in(p, l->code);
			h = href(p, target);
			ln = xmlNewDocNode(p->doc, NULL, BAD_CAST "link", NULL);
			attr(ln, "rel", "alternate");
			attr(ln, "hreflang", l->code);
			attr(ln, "href", h);
			xmlAddPrevSibling(p->head, ln);
			xmlAddPrevSibling(p->head,
			    xmlNewDocText(p->doc, BAD_CAST "\n"));
			g_free(h);
			g_free(target);
		}
		xmlUnlinkNode(p->head);
		xmlFreeNode(p->head);
	}
	kt_html_serialize(p->doc, out);
	if (!kt_writer_put(p->s->w, p->path, out->str, out->len, &err)) {
		kt_error(p->s->d, p->path, 0, 0, "cannot write: %s",
		    err->message);
		g_error_free(err);
		p->s->ok = FALSE;
	}
	g_string_free(out, TRUE);
	xmlFreeDoc(p->doc);
	if (p->alternates != NULL)
		g_ptr_array_free(p->alternates, TRUE);
	g_free(p->up);
	g_free(p);
}

/* ---- parts of item pages ---- */

static void
fact(xmlNodePtr dl, const char *label, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	xmlNodePtr div = el(dl, "div", NULL);
	el_text(div, "dt", NULL, label);
	el_text(div, "dd", NULL, value);
}

static void
fact_set(xmlNodePtr dl, const struct page *p, const char *key,
    enum kt_vocab_id v, guint32 mask)
{
	char *s = vocab_list(p, v, mask);

	fact(dl, str(p, key), s);
	g_free(s);
}

static void
notice_draft(xmlNodePtr parent, const struct page *p)
{
	xmlNodePtr n = el(parent, "p", "notice notice-draft");

	el_text(n, "strong", NULL, str(p, "draft.label"));
	text(n, ": ");
	text(n, str(p, "draft.note"));
}

static void
notice_missing(xmlNodePtr parent, const struct page *p, enum kt_kind k,
    const char *slug)
{
	xmlNodePtr n = el(parent, "p", "notice notice-missing");
	char *msg = fmt(p, "missing.note", "lang", p->lang->name);
	char *target = kt_page_path("nl", k, slug);
	xmlNodePtr a;

	text(n, msg);
	text(n, " ");
	a = link(n, p, target, str(p, "missing.link"), NULL);
	attr(a, "hreflang", "nl");
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
	sec = el(parent, "section", NULL);
	el_text(sec, "h3", NULL, heading);
	body = el(sec, "div", "prose");
	mark_lang(body, p, lang);
	kt_md_to_xml(m, body, 3, FALSE);
}

static struct kt_text *
text_or_source(const struct kt_item *it, const char *lang)
{
	struct kt_text *t = kt_item_text(it, lang);

	return t != NULL ? t : it->source;
}

static GPtrArray *
languages_of(const struct kt_model *m, const struct kt_item *it)
{
	GPtrArray *a = g_ptr_array_new_with_free_func(g_free);

	for (guint i = 0; i < m->site.languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(
		    m->site.languages, i);
		if (kt_item_text(it, l->code) != NULL)
			g_ptr_array_add(a, g_strdup(l->code));
	}
	return a;
}

/* Title block shared by every item page. */
static xmlNodePtr
item_head(struct page *p, const struct kt_item *it, const struct kt_text *t,
    const char *kind_key)
{
	xmlNodePtr art = el(p->main, "article", "item");
	xmlNodePtr h1;

	mark_lang(art, p, t->lang);
	el_text(art, "p", "kind", str(p, kind_key));
	h1 = el(art, "h1", NULL);
	picto(h1, p, it->pictogram, 72);
	text(h1, t->title ? t->title : it->slug);
	if (kt_item_text(it, p->lang->code) == NULL)
		notice_missing(art, p, it->kind, it->slug);
	else if (t->status == KT_DRAFT)
		notice_draft(art, p);
	if (t->summary != NULL)
		el_text(art, "p", "summary", t->summary);
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
			para = el(parent, "p", "translations");
			text(para, str(p, "lang.available"));
			text(para, ": ");
		} else {
			text(para, " · ");
		}
		target = kt_page_path(l->code, it->kind, it->slug);
		a = link(para, p, target, l->name, NULL);
		attr(a, "hreflang", l->code);
		attr(a, "lang", l->code);
		g_free(target);
	}
}

/* One download: a link to a PDF, its language marked, "(PDF)" after it. */
static void
pdf_link(xmlNodePtr ul, const struct page *p, const char *target,
    const char *label, const struct kt_language *l)
{
	xmlNodePtr li = el(ul, "li", NULL);
	xmlNodePtr a = link(li, p, target, label, "download");

	if (l != NULL) {
		attr(a, "hreflang", l->code);
		attr(a, "lang", l->code);
		attr(a, "dir", l->rtl ? "rtl" : "ltr");
	}
	attr(a, "type", "application/pdf");
	text(li, " (PDF)");
}

static xmlNodePtr
downloads_section(xmlNodePtr parent, const struct page *p)
{
	xmlNodePtr sec = el(parent, "section", "downloads");

	el_text(sec, "h2", NULL, str(p, "section.downloads"));
	return el(sec, "ul", NULL);
}

static void
downloads(xmlNodePtr parent, const struct page *p, const struct kt_item *it)
{
	const struct kt_site *site = &p->s->m->site;
	xmlNodePtr ul = downloads_section(parent, p);
	char *target, *label;

	for (guint i = 0; i < site->languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(
		    site->languages, i);

		if (kt_item_text(it, l->code) == NULL)
			continue;
		target = kt_sheet_path(l->code, it->slug);
		pdf_link(ul, p, target, l->name, l);
		g_free(target);
		if (i == 0)
			continue;
		/* the same sheet beside the Dutch */
		target = kt_bilingual_path(l->code, it->slug);
		label = g_strdup_printf("%s + Nederlands", l->name);
		pdf_link(ul, p, target, label, l);
		g_free(label);
		g_free(target);
	}
	target = kt_checklist_path(it->slug);
	pdf_link(ul, p, target, kt_str(p->s->m, "nl", "checklist.title"),
	    g_ptr_array_index(site->languages, 0));
	g_free(target);
}

/* The printables of an evening: invitations, cards, run-sheet. */
static void
evening_downloads(xmlNodePtr parent, const struct page *p,
    const struct kt_item *it)
{
	const struct kt_site *site = &p->s->m->site;
	const struct kt_language *nl = g_ptr_array_index(site->languages, 0);
	xmlNodePtr ul = downloads_section(parent, p);
	char *target, *label;

	target = kt_evening_path("nl", it->slug, "draaiboek");
	pdf_link(ul, p, target, kt_str(p->s->m, "nl", "runsheet.title"), nl);
	g_free(target);
	for (guint i = 0; i < site->languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(
		    site->languages, i);
		const struct kt_text *t = kt_item_text(it, l->code);

		if (t == NULL)
			continue;
		if (t->invitation != NULL) {
			target = kt_evening_path(l->code, it->slug,
			    "uitnodiging");
			label = g_strdup_printf("%s: %s", kt_str(p->s->m,
			    l->code, "invite.title"), l->name);
			pdf_link(ul, p, target, label, l);
			g_free(label);
			g_free(target);
		}
		if (t->statements->len > 0) {
			target = kt_evening_path(l->code, it->slug,
			    "stellingen");
			label = g_strdup_printf("%s: %s", kt_str(p->s->m,
			    l->code, "section.stellingen"), l->name);
			pdf_link(ul, p, target, label, l);
			g_free(label);
			g_free(target);
		}
	}
	if (g_hash_table_contains(p->s->m->strings, p->lang->code)) {
		target = kt_compliments_path(p->lang->code);
		pdf_link(ul, p, target, str(p, "compliment.title"), p->lang);
		g_free(target);
	}
}

static void
render_opdracht(struct site *s, const struct kt_item *it,
    const struct kt_language *lang)
{
	char *path = kt_page_path(lang->code, it->kind, it->slug);
	struct page *p = page_begin(s, lang, path);
	const struct kt_text *t = text_or_source(it, lang->code);
	xmlNodePtr art, dl, sec, ol, teacher, body;
	char *s1;

	p->alternates = languages_of(s->m, it);
	art = item_head(p, it, t, "kind.opdracht");
	dl = el(art, "dl", "facts");
	fact_set(dl, p, "facet.onderwijstype", KT_V_ONDERWIJSTYPE,
	    it->onderwijstype);
	s1 = year_list(it->leerjaar);
	fact(dl, str(p, "facet.leerjaar"), s1);
	g_free(s1);
	fact_set(dl, p, "facet.competenties", KT_V_COMPETENTIE,
	    it->competenties);
	fact_set(dl, p, "facet.fase", KT_V_FASE, it->fase);
	fact_set(dl, p, "facet.keuze", KT_V_KEUZE, it->keuze);
	s1 = fmt_int(p, "duur.minuten", it->minutes);
	fact(dl, str(p, "facet.duur"), s1);
	g_free(s1);
	if (t->materials->len > 0) {
		GString *m = g_string_new(NULL);


		for (guint i = 0; i < t->materials->len; i++)
			g_string_append_printf(m, "%s%s", i ? ", " : "",
			    (char *)g_ptr_array_index(t->materials, i));
		fact(dl, str(p, "facet.materialen"), m->str);
		g_string_free(m, TRUE);
	}
	translations_list(art, p, it);
	downloads(art, p, it);

	sec = el(art, "section", "home-part");
	attr(sec, "id", "thuis");
	el_text(sec, "h2", NULL, str(p, "section.thuis"));
	body = el(sec, "div", "prose intro");
	kt_md_to_xml(t->intro, body, 3, FALSE);
	el_text(sec, "h3", NULL, str(p, "section.stappen"));
	ol = el(sec, "ol", "steps");
	for (guint i = 0; i < t->steps->len; i++) {
		const struct kt_step *st = g_ptr_array_index(t->steps, i);
		xmlNodePtr li = el(ol, "li", NULL);

		picto(li, p, st->pictogram, 56);
		kt_md_to_xml(st->text, el(li, "span", "step-text"), 3, TRUE);
	}
	if (t->questions->len > 0) {
		xmlNodePtr ul;
		el_text(sec, "h3", NULL, str(p, "section.vragen"));
		ul = el(sec, "ul", "questions");
		for (guint i = 0; i < t->questions->len; i++)
			kt_md_to_xml(g_ptr_array_index(t->questions, i),
			    el(ul, "li", NULL), 3, TRUE);
	}

	teacher = el(art, "section", "teacher-part");
	attr(teacher, "id", "docent");
	el_text(teacher, "h2", NULL, str(p, "section.docent"));
	{
		const struct kt_text *tt = t->goal != NULL ? t : it->source;
		if (tt != t || strcmp(tt->lang, lang->code) != 0)
			if (strcmp(lang->code, "nl") != 0)
				el_text(teacher, "p", "notice",
				    str(p, "teacher.dutch"));
		md_section(teacher, p, str(p, "section.doel"), tt->goal,
		    tt->lang);
		md_section(teacher, p, str(p, "section.inklas"), tt->in_class,
		    tt->lang);
		md_section(teacher, p, str(p, "section.nabespreken"),
		    tt->debrief, tt->lang);
	}
	page_end(p, t->title ? t->title : it->slug);
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

static void
render_avond(struct site *s, const struct kt_item *it,
    const struct kt_language *lang)
{
	char *path = kt_page_path(lang->code, it->kind, it->slug);
	struct page *p = page_begin(s, lang, path);
	const struct kt_text *t = text_or_source(it, lang->code);
	const struct kt_text *nl = it->source;
	xmlNodePtr art, dl, sec, table, tr, dutch;
	char *s1;
	int at = 0;

	p->alternates = languages_of(s->m, it);
	art = item_head(p, it, t, "kind.avond");
	dl = el(art, "dl", "facts");
	fact(dl, str(p, "facet.thema"), it->theme);
	s1 = year_list(it->leerjaar);
	fact(dl, str(p, "facet.leerjaar"), s1);
	g_free(s1);
	if (it->audience >= 0)
		fact(dl, str(p, "facet.doelgroep"),
		    vocab_label(p, KT_V_DOELGROEP, it->audience));
	s1 = fmt_int(p, "duur.minuten", it->minutes);
	fact(dl, str(p, "facet.duur"), s1);
	g_free(s1);
	translations_list(art, p, it);
	evening_downloads(art, p, it);

	if (t->invitation != NULL) {
		sec = el(art, "section", "invitation");
		el_text(sec, "h2", NULL, str(p, "section.uitnodiging"));
		kt_md_to_xml(t->invitation, el(sec, "div", "prose"), 2, FALSE);
	}

	/* the script itself is for the school: in Dutch */
	dutch = el(art, "div", "script");
	mark_lang(dutch, p, "nl");
	if (strcmp(lang->code, "nl") != 0)
		el_text(art, "p", "notice", str(p, "teacher.dutch"));
	md_section(dutch, p, str(p, "section.doel"), nl->goal, "nl");

	sec = el(dutch, "section", NULL);
	el_text(sec, "h2", NULL, kt_str(s->m, "nl", "section.rollen"));
	dl = el(sec, "dl", "roles");
	for (guint i = 0; i < it->roles->len; i++) {
		const struct kt_role *r = g_ptr_array_index(it->roles, i);
		xmlNodePtr div = el(dl, "div", NULL);
		el_text(div, "dt", NULL, r->role >= 0 ?
		    kt_vocab_name(KT_V_ROL, r->role) : "");
		kt_md_to_xml(r->task, el(div, "dd", NULL), 3, TRUE);
	}

	sec = el(dutch, "section", NULL);
	el_text(sec, "h2", NULL, kt_str(s->m, "nl", "section.voorbereiding"));
	table = el(sec, "table", "prep");
	tr = el(el(table, "thead", NULL), "tr", NULL);
	el_text(tr, "th", NULL, kt_str(s->m, "nl", "table.wanneer"));
	el_text(tr, "th", NULL, kt_str(s->m, "nl", "table.taak"));
	el_text(tr, "th", NULL, kt_str(s->m, "nl", "table.wie"));
	{
		xmlNodePtr tb = el(table, "tbody", NULL);
		for (guint i = 0; i < it->prep->len; i++) {
			const struct kt_prep *pr = g_ptr_array_index(it->prep,
			    i);
			char n[16];
			char **parts;

			tr = el(tb, "tr", NULL);
			g_snprintf(n, sizeof n, "%d", pr->weeks);
			parts = g_strsplit(kt_str(s->m, "nl",
			    pr->weeks == 0 ? "weken.nul" : pr->weeks == 1 ?
			    "weken.een" : "weken.vooraf"), "{n}", -1);
			s1 = g_strjoinv(n, parts);
			el_text(tr, "td", NULL, s1);
			g_free(s1);
			g_strfreev(parts);
			kt_md_to_xml(pr->task, el(tr, "td", NULL), 3, TRUE);
			el_text(tr, "td", NULL, pr->who >= 0 ?
			    kt_vocab_name(KT_V_ROL, pr->who) : "");
		}
	}

	sec = el(dutch, "section", NULL);
	el_text(sec, "h2", NULL, kt_str(s->m, "nl", "section.programma"));
	table = el(sec, "table", "programme");
	tr = el(el(table, "thead", NULL), "tr", NULL);
	el_text(tr, "th", NULL, kt_str(s->m, "nl", "table.tijd"));
	el_text(tr, "th", NULL, kt_str(s->m, "nl", "table.onderdeel"));
	el_text(tr, "th", NULL, kt_str(s->m, "nl", "table.werkvorm"));
	el_text(tr, "th", NULL, kt_str(s->m, "nl", "table.leiding"));
	{
		xmlNodePtr tb = el(table, "tbody", NULL);
		for (guint i = 0; i < it->blocks->len; i++) {
			const struct kt_block *b = g_ptr_array_index(
			    it->blocks, i);
			char *from = clock_at(it, at), *to;
			xmlNodePtr td;

			at += b->minutes;
			to = clock_at(it, at);
			tr = el(tb, "tr", NULL);
			s1 = g_strdup_printf("%s–%s", from, to);
			el_text(tr, "td", "time", s1);
			g_free(s1);
			td = el(tr, "td", NULL);
			el_text(td, "strong", NULL, b->title ? b->title : "");
			kt_md_to_xml(b->text, td, 3, FALSE);
			el_text(tr, "td", NULL, b->form >= 0 ?
			    kt_vocab_name(KT_V_WERKVORM, b->form) : "");
			el_text(tr, "td", NULL, b->lead >= 0 ?
			    kt_vocab_name(KT_V_ROL, b->lead) : "");
			g_free(from);
			g_free(to);
		}
	}
	if (t->statements->len > 0) {
		xmlNodePtr ul;
		sec = el(art, "section", "statements");
		el_text(sec, "h2", NULL, str(p, "section.stellingen"));
		ul = el(sec, "ul", NULL);
		for (guint i = 0; i < t->statements->len; i++)
			kt_md_to_xml(g_ptr_array_index(t->statements, i),
			    el(ul, "li", NULL), 3, TRUE);
	}
	md_section(dutch, p, kt_str(s->m, "nl", "section.nazorg"),
	    nl->followup, "nl");
	page_end(p, t->title ? t->title : it->slug);
	g_free(path);
}

static void
render_tip(struct site *s, const struct kt_item *it,
    const struct kt_language *lang)
{
	char *path = kt_page_path(lang->code, it->kind, it->slug);
	struct page *p = page_begin(s, lang, path);
	const struct kt_text *t = text_or_source(it, lang->code);
	xmlNodePtr art, dl;

	p->alternates = languages_of(s->m, it);
	art = item_head(p, it, t, "kind.tip");
	dl = el(art, "dl", "facts");
	if (it->group >= 0)
		fact(dl, str(p, "facet.groep"),
		    vocab_label(p, KT_V_GROEP, it->group));
	fact(dl, str(p, "facet.voor"),
	    vocab_label(p, KT_V_VOOR, it->audience_tip));
	translations_list(art, p, it);
	kt_md_to_xml(t->body, el(art, "div", "prose"), 1, FALSE);
	if (t->phrases->len > 0) {
		xmlNodePtr sec = el(art, "section", "phrases");
		el_text(sec, "h2", NULL, str(p, "section.zinnen"));
		for (guint i = 0; i < t->phrases->len; i++)
			kt_md_to_xml(g_ptr_array_index(t->phrases, i),
			    el(sec, "blockquote", NULL), 2, FALSE);
	}
	page_end(p, t->title ? t->title : it->slug);
	g_free(path);
}

/* ---- listings ---- */

static void
card(xmlNodePtr ul, struct page *p, const struct kt_item *it)
{
	const struct kt_text *t = text_or_source(it, p->lang->code);
	xmlNodePtr li = el(ul, "li", "card");
	char *target = kt_page_path(p->lang->code, it->kind, it->slug);
	xmlNodePtr a, meta;
	char *s;

	a = link(el(li, "h3", NULL), p, target, NULL, NULL);
	picto(a, p, it->pictogram, 40);
	mark_lang(el_text(a, "span", NULL, t->title ? t->title : it->slug), p,
	    t->lang);
	if (t->summary != NULL)
		mark_lang(el_text(li, "p", NULL, t->summary), p, t->lang);
	meta = el(li, "p", "meta");
	if (it->kind == KT_TIP) {
		if (it->group >= 0)
			text(meta, vocab_label(p, KT_V_GROEP, it->group));
	} else {
		s = year_list(it->leerjaar);
		text(meta, str(p, "facet.leerjaar"));
		text(meta, " ");
		text(meta, s);
		g_free(s);
		s = fmt_int(p, "duur.minuten", it->minutes);
		text(meta, " · ");
		text(meta, s);
		g_free(s);
	}
	if (t->status == KT_DRAFT && strcmp(t->lang, p->lang->code) == 0) {
		text(meta, " · ");
		text(meta, str(p, "draft.label"));
	}
	g_free(target);
}

static void
card_list(xmlNodePtr parent, struct page *p, enum kt_kind k, int heading)
{
	GPtrArray *items = p->s->m->items[k];
	char key[32], h[4];
	xmlNodePtr sec = el(parent, "section", "listing"), ul;

	g_snprintf(key, sizeof key, "kind.%s", kt_kind_dir(k));
	g_snprintf(h, sizeof h, "h%d", heading);
	el_text(sec, h, NULL, str(p, key));
	ul = el(sec, "ul", "cards");
	for (guint i = 0; i < items->len; i++)
		card(ul, p, g_ptr_array_index(items, i));
}

static void
render_home(struct site *s, const struct kt_language *lang)
{
	char *path = g_strdup_printf("%s/index.html", lang->code);
	struct page *p = page_begin(s, lang, path);

	el_text(p->main, "h1", NULL, str(p, "home.heading"));
	el_text(p->main, "p", "lead", str(p, "home.intro"));
	for (int k = 0; k < KT_KIND_COUNT; k++)
		card_list(p->main, p, (enum kt_kind)k, 2);
	page_end(p, str(p, "site.title"));
	g_free(path);
}

/* A bundle per school year with sheets in this language. */
static void
bundle_links(struct page *p)
{
	GPtrArray *items = p->s->m->items[KT_OPDRACHT];
	xmlNodePtr ul = NULL;

	for (int year = 1; year <= 6; year++) {
		gboolean any = FALSE;
		char n[8], *target, *label;

		for (guint i = 0; i < items->len && !any; i++) {
			const struct kt_item *it = g_ptr_array_index(items, i);
			any = (it->leerjaar & (1u << year)) &&
			    kt_item_text(it, p->lang->code) != NULL;
		}
		if (!any)
			continue;
		if (ul == NULL)
			ul = downloads_section(p->main, p);
		g_snprintf(n, sizeof n, "%d", year);
		target = kt_bundle_path(p->lang->code, year);
		label = fmt(p, "bundle.title", "n", n);
		pdf_link(ul, p, target, label, NULL);
		g_free(label);
		g_free(target);
	}
}

static void
tipcard_link(struct page *p)
{
	GPtrArray *items = p->s->m->items[KT_TIP];
	char *target;

	for (guint i = 0; i < items->len; i++)
		if (kt_item_text(g_ptr_array_index(items, i),
		    p->lang->code) != NULL) {
			target = kt_tipcards_path(p->lang->code);
			pdf_link(downloads_section(p->main, p), p, target,
			    str(p, "tipcards.title"), NULL);
			g_free(target);
			return;
		}
}

static void
render_kind_index(struct site *s, const struct kt_language *lang,
    enum kt_kind k)
{
	char *path = g_strdup_printf("%s/%s/index.html", lang->code,
	    kt_kind_dir(k));
	struct page *p = page_begin(s, lang, path);
	char key[32];

	card_list(p->main, p, k, 1);
	if (k == KT_OPDRACHT)
		bundle_links(p);
	if (k == KT_TIP)
		tipcard_link(p);
	g_snprintf(key, sizeof key, "kind.%s", kt_kind_dir(k));
	page_end(p, str(p, key));
	g_free(path);
}

static void
render_root(struct site *s)
{
	const struct kt_site *site = &s->m->site;
	struct page *p = page_begin(s, g_ptr_array_index(site->languages, 0),
	    "index.html");
	xmlNodePtr ul;

	el_text(p->main, "h1", NULL, site->school ? site->school : "");
	ul = el(p->main, "ul", "language-choice");
	for (guint i = 0; i < site->languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(
		    site->languages, i);
		char *target = g_strdup_printf("%s/index.html", l->code);
		xmlNodePtr li = el(ul, "li", NULL);
		xmlNodePtr a = link(li, p, target, NULL, NULL);

		attr(a, "hreflang", l->code);
		attr(a, "lang", l->code);
		attr(a, "dir", l->rtl ? "rtl" : "ltr");
		el_text(a, "span", "language-name", l->name);
		el_text(a, "span", "language-title",
		    kt_str(s->m, l->code, "site.title"));
		g_free(target);
	}
	page_end(p, kt_str(s->m, "nl", "lang.choose"));
}

static void
render_404(struct site *s)
{
	const struct kt_language *nl = g_ptr_array_index(
	    s->m->site.languages, 0);
	struct page *p = page_begin(s, nl, "404.html");

	el_text(p->main, "h1", NULL, str(p, "notfound.title"));
	link(el(p->main, "p", NULL), p, "index.html",
	    str(p, "notfound.text"), NULL);
	page_end(p, str(p, "notfound.title"));
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
			s->ok = FALSE;
		}
		g_free(from);
		g_free(to);
	}
	g_ptr_array_free(names, TRUE);
	g_free(dir);
}

static void
copy_pictograms(struct site *s)
{
	guint n;
	const char **names = (const char **)g_hash_table_get_keys_as_array(
	    s->pictos, &n);
	GError *err = NULL;

	for (guint i = 0; i < n; i++) {
		const struct kt_picto *pic = g_hash_table_lookup(
		    s->m->pictograms, names[i]);
		char *to = g_strdup_printf("pictogrammen/%s.svg", names[i]);
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
			s->ok = FALSE;
		}
		g_free(to);
	}
	g_free(names);
}

gboolean
kt_render_site(const struct kt_model *m, const struct kt_render_opts *o,
    struct kt_writer *w, struct kt_diag *d)
{
	char *layout = g_build_filename(o->theme, "layout.html", NULL);
	struct site s = { m, o, NULL, w, d, NULL, TRUE };

	s.layout = xmlReadFile(layout, "UTF-8", XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (s.layout == NULL) {
		const xmlError *e = xmlGetLastError();
		kt_error(d, layout, e ? e->line : 0, e ? e->int2 : 0,
		    "the layout is not well-formed: %s",
		    e && e->message ? g_strstrip(e->message) : "?");
		g_free(layout);
		return FALSE;
	}
	s.pictos = g_hash_table_new(g_str_hash, g_str_equal);
	render_root(&s);
	render_404(&s);
	for (guint i = 0; i < m->site.languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(
		    m->site.languages, i);

		render_home(&s, l);
		for (int k = 0; k < KT_KIND_COUNT; k++) {
			GPtrArray *items = m->items[k];

			render_kind_index(&s, l, (enum kt_kind)k);
			for (guint j = 0; j < items->len; j++) {
				const struct kt_item *it = g_ptr_array_index(
				    items, j);
				if (k == KT_OPDRACHT)
					render_opdracht(&s, it, l);
				else if (k == KT_AVOND)
					render_avond(&s, it, l);
				else
					render_tip(&s, it, l);
			}
		}
	}
	copy_assets(&s);
	copy_pictograms(&s);
	g_hash_table_destroy(s.pictos);
	xmlFreeDoc(s.layout);
	g_free(layout);
	return s.ok;
}
