/*
 * The frame every page shares: a copy of the theme's layout.html with its
 * slots filled, relative links, the language switcher and hreflang
 * alternates, and the small helpers that build nodes. All text goes in as
 * text nodes, so escaping is never a choice.
 */
#include "web/page.h"

#include <libxml/parser.h>
#include <string.h>

#include "text/markdown.h"
#include "text/url.h"
#include "web/html_write.h"


/* ---- building nodes ---- */

xmlNodePtr
h_el(xmlNodePtr parent, const char *name, const char *cls)
{
	xmlNodePtr n = xmlNewDocNode(parent->doc, NULL, BAD_CAST name, NULL);

	if (cls != NULL)
		xmlSetProp(n, BAD_CAST "class", BAD_CAST cls);
	return xmlAddChild(parent, n);
}

void
h_text(xmlNodePtr parent, const char *s)
{
	xmlAddChild(parent, xmlNewDocText(parent->doc, BAD_CAST s));
}

xmlNodePtr
h_el_text(xmlNodePtr parent, const char *name, const char *cls, const char *s)
{
	xmlNodePtr n = h_el(parent, name, cls);

	h_text(n, s);
	return n;
}

void
h_attr(xmlNodePtr n, const char *name, const char *value)
{
	xmlSetProp(n, BAD_CAST name, BAD_CAST value);
}

void
h_clear(xmlNodePtr n)
{
	while (n->children != NULL) {
		xmlNodePtr c = n->children;
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
}

const char *
h_str(const struct page *p, const char *key)
{
	return kt_str(p->s->m, p->lang->code, key);
}

/* A UI string with {n}, {lang} filled in. */
char *
h_fmt(const struct page *p, const char *key, const char *name,
    const char *value)
{
	const char *t = h_str(p, key);
	char *ph = g_strdup_printf("{%s}", name);
	char **parts = g_strsplit(t, ph, -1);
	char *r = g_strjoinv(value, parts);

	g_strfreev(parts);
	g_free(ph);
	return r;
}

char *
h_fmt_int(const struct page *p, const char *key, int n)
{
	char v[16];

	g_snprintf(v, sizeof v, "%d", n);
	return h_fmt(p, key, "n", v);
}

char *
h_fmt_count(const struct page *p, const char *key, int n)
{
	const char *t = kt_str_plural(p->s->m, p->lang->code, key, n);
	char v[16];
	char **parts = g_strsplit(t, "{n}", -1);
	char *r;

	g_snprintf(v, sizeof v, "%d", n);
	r = g_strjoinv(v, parts);
	g_strfreev(parts);
	return r;
}

void
h_plural_attrs(xmlNodePtr n, const struct page *p, const char *key)
{
	const char *other = kt_str_form(p->s->m, p->lang->code, key, "other");

	h_attr(n, "data-template", other);
	for (int i = 0; kt_plural_categories[i + 1] != NULL; i++) {
		const char *f = kt_str_form(p->s->m, p->lang->code, key,
		    kt_plural_categories[i]);
		char *name = g_strdup_printf("data-template-%s",
		    kt_plural_categories[i]);

		if (strcmp(f, other) != 0)
			h_attr(n, name, f);
		g_free(name);
	}
}

/* The display name of a vocabulary value, or the value itself. */
const char *
h_vocab_label(const struct page *p, enum kt_vocab_id v, int i)
{
	char *key = g_strdup_printf("v.%s.%s", kt_vocabs[v].field,
	    kt_vocab_name(v, i));
	const char *s = h_str(p, key);

	g_free(key);
	return *s != '\0' ? s : kt_vocab_name(v, i);
}

char *
h_vocab_list(const struct page *p, enum kt_vocab_id v, guint32 mask)
{
	GString *s = g_string_new(NULL);

	for (int i = 0; i < kt_vocab_size(v); i++)
		if (mask & (1u << i)) {
			if (s->len > 0)
				g_string_append(s, ", ");
			g_string_append(s, h_vocab_label(p, v, i));
		}
	return g_string_free(s, FALSE);
}

char *
h_year_list(guint32 mask)
{
	GString *s = g_string_new(NULL);

	for (int y = 1; y <= 6; y++)
		if (mask & (1u << y))
			g_string_append_printf(s, "%s%d", s->len ? ", " : "", y);
	return g_string_free(s, FALSE);
}

const char *
h_vocab_in(const struct page *p, enum kt_vocab_id v, int i)
{
	return i >= 0 ? h_vocab_label(p, v, i) : "";
}

char *
h_competence_text(const struct kt_model *m, const char *lang, int i)
{
	const char *name = kt_vocab_name(KT_V_COMPETENCE, i);
	char *key = g_strdup_printf("term.competenties.%s", name);
	char *plain = g_strdup_printf("v.competenties.%s", name);
	char *s = g_strdup_printf("%s: %s", kt_str(m, "nl", key),
	    kt_str(m, lang, plain));

	g_free(plain);
	g_free(key);
	return s;
}

void
h_competence(xmlNodePtr parent, const struct page *p, int i)
{
	char *key = g_strdup_printf("term.competenties.%s",
	    kt_vocab_name(KT_V_COMPETENCE, i));
	xmlNodePtr term = h_el_text(parent, "span", "term",
	    kt_str(p->s->m, "nl", key));

	h_mark_lang(term, p, "nl");
	h_text(parent, ": ");
	h_text(parent, h_vocab_label(p, KT_V_COMPETENCE, i));
	g_free(key);
}

const char *
h_school_type(const struct page *p, guint32 together, int i)
{
	return i == 0 && (together & 0xF) == 0xF ? "vmbo" :
	    h_vocab_label(p, KT_V_SCHOOL_TYPE, i);
}

char *
h_years(const struct page *p, const struct kt_item *it)
{
	GString *s;

	if (kt_item_years_uniform(it))
		return h_year_list(it->years);
	s = g_string_new(NULL);
	for (int i = 0; i < KT_TYPES_MAX; i++) {
		guint32 same = 0;	/* the vmbo tracks with i's years */
		const char *name;
		char *years;

		for (int j = 0; j < 4; j++)
			if (it->years_of[j] == it->years_of[i])
				same |= 1u << j;
		if (!(it->school_types & (1u << i)))
			continue;
		name = h_school_type(p, it->school_types & same, i);
		years = h_year_list(it->years_of[i]);
		g_string_append_printf(s, "%s%s %s", s->len ? " · " : "",
		    name, years);
		g_free(years);
		if (strcmp(name, "vmbo") == 0)
			i = 3;
	}
	return g_string_free(s, FALSE);
}

char *
h_href(const struct page *p, const char *target)
{
	return kt_url_join(p->up, target);
}

xmlNodePtr
h_link(xmlNodePtr parent, const struct page *p, const char *target,
    const char *label, const char *cls)
{
	xmlNodePtr a = h_el(parent, "a", cls);
	char *h = h_href(p, target);

	h_attr(a, "href", h);
	g_free(h);
	if (label != NULL)
		h_text(a, label);
	return a;
}

void
h_picto(xmlNodePtr parent, struct page *p, const char *name, int size)
{
	xmlNodePtr img;
	char *target, *h;
	char sz[16];

	if (name == NULL)
		return;
	target = g_strdup_printf("pictogrammen/%s.svg", name);
	h = h_href(p, target);
	img = h_el(parent, "img", "picto");
	h_attr(img, "src", h);
	h_attr(img, "alt", "");
	g_snprintf(sz, sizeof sz, "%d", size);
	h_attr(img, "width", sz);
	h_attr(img, "height", sz);
	g_free(h);
	g_free(target);
}

static char *
item_href(void *data, enum kt_kind k, const char *slug, const char **lang)
{
	const struct page *p = data;
	const struct kt_item *it = kt_model_find(p->s->m, k, slug);
	const char *in;
	char *target, *href;

	if (it == NULL)
		return NULL;
	in = kt_item_page_lang(it, p->lang->code);
	target = kt_page_path(in, k, slug);
	href = h_href(p, target);
	*lang = strcmp(in, p->lang->code) != 0 ? in : NULL;
	g_free(target);
	return href;
}

void
h_md(xmlNodePtr parent, const struct page *p, const struct kt_md *m,
    int under, gboolean inline_only)
{
	const struct kt_md_links links = { item_href, (void *)p };

	kt_md_to_xml(m, parent, under, inline_only, &links);
}

/* Marks a node as being in another language than the page. */
void
h_mark_lang(xmlNodePtr n, const struct page *p, const char *lang)
{
	const struct kt_language *l;

	if (n == NULL || strcmp(lang, p->lang->code) == 0)
		return;
	h_attr(n, "lang", lang);
	l = kt_site_language(&p->s->m->site, lang);
	h_attr(n, "dir", l != NULL && l->rtl ? "rtl" : "ltr");
}

/* ---- the page frame ---- */

const char *
h_logo_path(const struct kt_model *m)
{
	if (m->site.logo_data == NULL)
		return NULL;
	return m->site.logo_svg ? "assets/school-logo.svg" :
	    "assets/school-logo.png";
}

/* The school's logo in the header's slot, its name as the text. */
static void
h_logo(struct page *p, xmlNodePtr slot)
{
	const char *logo = h_logo_path(p->s->m);
	xmlNodePtr img;
	char *href;

	if (logo == NULL)
		return;
	img = h_el(slot, "img", NULL);
	href = h_href(p, logo);
	h_attr(img, "src", href);
	h_attr(img, "alt", p->s->m->site.school ? p->s->m->site.school : "");
	g_free(href);
}

static void
h_fill_template(struct page *p, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		xmlChar *v;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((v = xmlGetProp(n, BAD_CAST "data-i18n")) != NULL) {
			h_clear(n);
			h_text(n, h_str(p, (const char *)v));
			xmlUnsetProp(n, BAD_CAST "data-i18n");
			xmlFree(v);
		}
		if (xmlHasProp(n, BAD_CAST "data-root")) {
			const char *const attrs[] = { "href", "src" };
			for (int i = 0; i < 2; i++) {
				xmlChar *u = xmlGetProp(n, BAD_CAST attrs[i]);
				if (u != NULL) {
					char *h = h_href(p, (const char *)u);
					h_attr(n, attrs[i], h);
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
				h_clear(n);

			if (strcmp(slot, "main") == 0)
				p->main = n;
			else if (strcmp(slot, "head") == 0)
				p->head = n;
			else if (strcmp(slot, "title") == 0)
				p->title = n;
			else if (strcmp(slot, "languages") == 0)
				p->languages = n;
			else if (strcmp(slot, "school") == 0)
				h_text(n, p->s->m->site.school ?
				    p->s->m->site.school : "");
			else if (strcmp(slot, "logo") == 0)
				h_logo(p, n);
			else if (strcmp(slot, "home") == 0) {
				char *t = g_strdup_printf("%s/index.html",
				    p->lang->code);
				char *h = h_href(p, t);
				h_attr(n, "href", h);
				g_free(h);
				g_free(t);
			} else if (strcmp(slot, "nav") == 0) {
				xmlNodePtr ul = h_el(n, "ul", NULL);
				char *t = g_strdup_printf("%s/index.html",
				    p->lang->code);
				h_link(h_el(ul, "li", NULL), p, t,
				    h_str(p, "nav.home"), NULL);
				g_free(t);
				h_attr(n, "aria-label", h_str(p, "nav.label"));
				for (int k = 0; k < KT_KIND_COUNT; k++) {
					char key[32];
					g_snprintf(key, sizeof key, "nav.%s",
					    kt_kind_dir((enum kt_kind)k));
					t = g_strdup_printf("%s/%s/index.html",
					    p->lang->code,
					    kt_kind_dir((enum kt_kind)k));
					h_link(h_el(ul, "li", NULL), p, t,
					    h_str(p, key), NULL);
					g_free(t);
				}
				t = g_strdup_printf("%s/jaarplanner.html",
				    p->lang->code);
				h_link(h_el(ul, "li", NULL), p, t,
				    h_str(p, "nav.planner"), NULL);
				g_free(t);
			} else if (strcmp(slot, "footer") == 0) {
				xmlNodePtr f = h_el(n, "p", NULL);
				xmlNodePtr a = h_el(f, "a", NULL);
				h_attr(a, "href", "https://openmoji.org/");
				h_text(a, h_str(p, "credit"));
				h_text(f, " · ");
				h_text(f, h_str(p, "made.with"));
			}
			xmlUnsetProp(n, BAD_CAST "data-slot");
			xmlFree(v);
		}
		h_fill_template(p, n->children);
	}
}

struct page *
h_page_begin(struct site *s, const struct kt_language *lang, const char *path)
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
	h_attr(html, "lang", lang->code);
	h_attr(html, "dir", lang->rtl ? "rtl" : "ltr");
	h_fill_template(p, html);
	return p;
}

/* The same page in another language: swap the leading language folder. */
static char *
h_path_in(const struct page *p, const char *lang)
{
	const char *rest = strchr(p->path, '/');

	return g_strconcat(lang, rest ? rest : "/index.html", NULL);
}

/* An element before the head slot, on a line of its own. */
static xmlNodePtr
head_el(struct page *p, const char *name)
{
	xmlNodePtr n = xmlNewDocNode(p->doc, NULL, BAD_CAST name, NULL);

	xmlAddPrevSibling(p->head, n);
	xmlAddPrevSibling(p->head, xmlNewDocText(p->doc, BAD_CAST "\n"));
	return n;
}

/*
 * Where search engines read the page: target's address from basis_url
 * (absolute, as hreflang and canonical must be), else from this page.
 */
static char *
head_href(const struct page *p, const char *target)
{
	const char *base = p->s->m->site.base_url;

	return base != NULL ? kt_url_join(base, target) : h_href(p, target);
}

static void
head_alternate(struct page *p, const char *hreflang, const char *lang)
{
	xmlNodePtr ln = head_el(p, "link");
	char *target = h_path_in(p, lang), *h = head_href(p, target);

	h_attr(ln, "rel", "alternate");
	h_attr(ln, "hreflang", hreflang);
	h_attr(ln, "href", h);
	g_free(h);
	g_free(target);
}

/* The meta description, the canonical address and the alternates. */
static void
head_links(struct page *p)
{
	const struct kt_site *site = &p->s->m->site;
	xmlNodePtr meta = head_el(p, "meta");
	gboolean any = FALSE;

	h_attr(meta, "name", "description");
	h_attr(meta, "content", p->description != NULL ? p->description :
	    h_str(p, "site.description"));
	if (site->base_url != NULL) {
		xmlNodePtr ln = head_el(p, "link");
		char *h = kt_url_join(site->base_url, p->path);

		h_attr(ln, "rel", "canonical");
		h_attr(ln, "href", h);
		g_free(h);
	}
	for (guint i = 0; i < site->languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(
		    site->languages, i);

		if (p->alternates != NULL &&
		    !g_ptr_array_find_with_equal_func(p->alternates,
		    l->code, g_str_equal, NULL))
			continue;
		head_alternate(p, l->code, l->code);
		any = TRUE;
	}
	/* the Dutch source for a reader whose language is not there */
	if (any && strchr(p->path, '/') != NULL)
		head_alternate(p, "x-default", "nl");
}

void
h_page_end(struct page *p, const char *title)
{
	const struct kt_site *site = &p->s->m->site;
	GString *out = g_string_new(NULL);
	GError *err = NULL;

	if (p->title != NULL) {
		char *t = g_strdup_printf("%s · %s", title,
		    site->school ? site->school : "keukentafel");
		h_clear(p->title);
		h_text(p->title, t);
		g_free(t);
	}
	/* language switcher, and hreflang alternates in the head */
	if (p->languages != NULL) {
		/* folded under the page's language on a phone (style.css) */
		xmlNodePtr details = h_el(p->languages, "details", NULL), ul;
		xmlNodePtr summary = h_el(details, "summary", NULL);

		h_text(summary, h_str(p, "lang.label"));
		h_text(summary, ": ");
		h_text(summary, p->lang->name);
		ul = h_el(details, "ul", NULL);
		h_attr(p->languages, "aria-label", h_str(p, "lang.label"));
		for (guint i = 0; i < site->languages->len; i++) {
			const struct kt_language *l = g_ptr_array_index(
			    site->languages, i);
			char *target = h_path_in(p, l->code);
			xmlNodePtr li = h_el(ul, "li", NULL);
			xmlNodePtr a = h_link(li, p, target, l->name, NULL);

			h_attr(a, "hreflang", l->code);
			h_attr(a, "lang", l->code);
			if (l == p->lang)
				h_attr(a, "aria-current", "page");
			g_free(target);
		}
	}
	if (p->head != NULL) {
		head_links(p);
		if (p->jsonld != NULL) {
			/* kt_json_str escapes <, so </script> cannot occur */
			xmlNodePtr sc = xmlNewDocNode(p->doc, NULL,
			    BAD_CAST "script", NULL);
			h_attr(sc, "type", "application/ld+json");
			h_text(sc, p->jsonld->str);
			xmlAddPrevSibling(p->head, sc);
		}
		xmlUnlinkNode(p->head);
		xmlFreeNode(p->head);
	}
	kt_html_serialize(p->doc, out);
	if (!kt_writer_put(p->s->w, p->path, out->str, out->len, &err)) {
		kt_error(p->s->d, p->path, 0, 0, "cannot write: %s",
		    err->message);
		g_error_free(err);
		g_atomic_int_set(&p->s->ok, FALSE);
	}
	g_string_free(out, TRUE);
	xmlFreeDoc(p->doc);
	if (p->alternates != NULL)
		g_ptr_array_free(p->alternates, TRUE);
	if (p->jsonld != NULL)
		g_string_free(p->jsonld, TRUE);
	g_free(p->description);
	g_free(p->up);
	g_free(p);
}


struct kt_text *
h_text_or_source(const struct kt_item *it, const char *lang)
{
	struct kt_text *t = kt_item_text(it, lang);

	return t != NULL ? t : it->source;
}

GPtrArray *
h_languages_of(const struct kt_model *m, const struct kt_item *it)
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

/* One download: a link to a PDF, its language marked, "(PDF)" after it. */
void
h_pdf_link(xmlNodePtr ul, const struct page *p, const char *target,
    const char *label, const struct kt_language *l)
{
	xmlNodePtr li, a;

	if (kt_plan_file(p->s->plan, target) == NULL)
		return;
	li = h_el(ul, "li", NULL);
	a = h_link(li, p, target, label, "download");

	if (l != NULL) {
		h_attr(a, "hreflang", l->code);
		h_attr(a, "lang", l->code);
		h_attr(a, "dir", l->rtl ? "rtl" : "ltr");
	}
	h_attr(a, "type", "application/pdf");
	h_text(li, " (PDF)");
}

xmlNodePtr
h_downloads_section(xmlNodePtr parent, const struct page *p)
{
	xmlNodePtr sec = h_el(parent, "section", "downloads");

	h_el_text(sec, "h2", NULL, h_str(p, "section.downloads"));
	return h_el(sec, "ul", NULL);
}

void
h_downloads_end(xmlNodePtr ul)
{
	xmlNodePtr sec = ul->parent;

	if (ul->children != NULL)
		return;
	xmlUnlinkNode(sec);
	xmlFreeNode(sec);
}

