/*
 * The machine-readable outputs of the site: a sitemap per language with
 * hreflang alternates for every page that exists in several languages,
 * listed by the index sitemap.xml, and an Atom
 * feed of the items per language. Written through libxml2 (a stream for
 * the sitemap, trees for the feeds), so every value is escaped. Addresses
 * are absolute, from basis_url.
 */
#include "web/page.h"

#include <libxml/xmlsave.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "text/url.h"

#define NS_SITEMAP "http://www.sitemaps.org/schemas/sitemap/0.9"
#define NS_XHTML "http://www.w3.org/1999/xhtml"
#define NS_ATOM "http://www.w3.org/2005/Atom"

static char *
url(const struct site *s, const char *rel)
{
	return kt_url_join(s->m->site.base_url ? s->m->site.base_url : "/",
	    rel);
}

/* Writes what buf holds as out/<rel>, and frees it. */
static void
put_buffer(struct site *s, xmlBufferPtr buf, const char *rel)
{
	GError *err = NULL;

	if (!kt_writer_put(s->w, rel, xmlBufferContent(buf),
	    (size_t)xmlBufferLength(buf), &err)) {
		kt_error(s->d, rel, 0, 0, "cannot write: %s", err->message);
		g_error_free(err);
		g_atomic_int_set(&s->ok, FALSE);
	}
	xmlBufferFree(buf);
}

static void
save(struct site *s, xmlDocPtr doc, const char *rel)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlSaveCtxtPtr ctx = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_FORMAT);

	xmlSaveDoc(ctx, doc);
	xmlSaveClose(ctx);
	put_buffer(s, buf, rel);
	xmlFreeDoc(doc);
}

static xmlNodePtr
child(xmlNodePtr parent, xmlNsPtr ns, const char *name, const char *text)
{
	xmlNodePtr n = xmlNewDocNode(parent->doc, ns, BAD_CAST name, NULL);

	if (text != NULL)
		xmlAddChild(n, xmlNewDocText(parent->doc, BAD_CAST text));
	return xmlAddChild(parent, n);
}

/*
 * The sitemap is written as a stream (xmlTextWriter escapes as a tree
 * would). A bank of thousands of items has tens of thousands of
 * alternates: a sitemap per language, under an index at sitemap.xml,
 * keeps each file far below the protocol's 50,000 addresses and 50 MB,
 * and what is held in memory to an eighth.
 */
static void
sitemap_url(const struct site *s, xmlTextWriterPtr tw, const char *rel,
    GPtrArray *langs, char *(*path_in)(const char *, const void *),
    const void *data)
{
	char *loc = url(s, rel);

	xmlTextWriterStartElement(tw, BAD_CAST "url");
	xmlTextWriterWriteElement(tw, BAD_CAST "loc", BAD_CAST loc);
	g_free(loc);
	for (guint i = 0; langs != NULL && i < langs->len; i++) {
		const char *code = g_ptr_array_index(langs, i);
		char *p = path_in(code, data), *alt = url(s, p);

		xmlTextWriterStartElement(tw, BAD_CAST "xhtml:link");
		xmlTextWriterWriteAttribute(tw, BAD_CAST "rel",
		    BAD_CAST "alternate");
		xmlTextWriterWriteAttribute(tw, BAD_CAST "hreflang",
		    BAD_CAST code);
		xmlTextWriterWriteAttribute(tw, BAD_CAST "href", BAD_CAST alt);
		xmlTextWriterEndElement(tw);
		g_free(alt);
		g_free(p);
	}
	xmlTextWriterEndElement(tw);
}

static char *
item_path(const char *lang, const void *data)
{
	const struct kt_item *it = data;

	return kt_page_path(lang, it->kind, it->slug);
}

static char *
home_path(const char *lang, const void *data)
{
	(void)data;
	return g_strdup_printf("%s/index.html", lang);
}

static xmlTextWriterPtr
sitemap_open(xmlBufferPtr buf, const char *root)
{
	xmlTextWriterPtr tw = xmlNewTextWriterMemory(buf, 0);

	xmlTextWriterSetIndent(tw, 1);
	xmlTextWriterStartDocument(tw, NULL, "UTF-8", NULL);
	xmlTextWriterStartElement(tw, BAD_CAST root);
	xmlTextWriterWriteAttribute(tw, BAD_CAST "xmlns",
	    BAD_CAST NS_SITEMAP);
	return tw;
}

static void
sitemap_close(struct site *s, xmlTextWriterPtr tw, xmlBufferPtr buf,
    const char *rel)
{
	xmlTextWriterEndDocument(tw);
	xmlFreeTextWriter(tw);
	put_buffer(s, buf, rel);
}

/* The pages in one language: its home and planner, and each item page
 * it has a text for, with the item's other languages as alternates. */
static void
sitemap_lang(struct site *s, const char *code, GPtrArray *all)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr tw = sitemap_open(buf, "urlset");
	char *home = g_strdup_printf("%s/index.html", code);
	char *planner = g_strdup_printf("%s/jaarplanner.html", code);
	char *rel = g_strdup_printf("%s/sitemap.xml", code);

	xmlTextWriterWriteAttribute(tw, BAD_CAST "xmlns:xhtml",
	    BAD_CAST NS_XHTML);
	sitemap_url(s, tw, home, all, home_path, NULL);
	sitemap_url(s, tw, planner, NULL, NULL, NULL);
	for (int k = 0; k < KT_KIND_COUNT; k++)
		for (guint i = 0; i < s->m->items[k]->len; i++) {
			const struct kt_item *it = g_ptr_array_index(
			    s->m->items[k], i);
			GPtrArray *langs;
			char *page;

			if (kt_item_text(it, code) == NULL)
				continue;
			langs = h_languages_of(s->m, it);
			page = kt_page_path(code, it->kind, it->slug);
			sitemap_url(s, tw, page, langs, item_path, it);
			g_free(page);
			g_ptr_array_free(langs, TRUE);
		}
	sitemap_close(s, tw, buf, rel);
	g_free(rel);
	g_free(planner);
	g_free(home);
}

/* The codes of the site's languages, for the alternates. */
static GPtrArray *
codes(const struct site *s)
{
	GPtrArray *all = g_ptr_array_new_with_free_func(g_free);
	const struct kt_site *site = &s->m->site;

	for (guint i = 0; i < site->languages->len; i++)
		g_ptr_array_add(all, g_strdup(((struct kt_language *)
		    g_ptr_array_index(site->languages, i))->code));
	return all;
}

void
h_sitemap_index(struct site *s)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr tw = sitemap_open(buf, "sitemapindex");
	GPtrArray *all = codes(s);

	for (guint i = 0; i < all->len; i++) {
		char *rel = g_strdup_printf("%s/sitemap.xml",
		    (const char *)g_ptr_array_index(all, i));
		char *loc = url(s, rel);

		xmlTextWriterStartElement(tw, BAD_CAST "sitemap");
		xmlTextWriterWriteElement(tw, BAD_CAST "loc", BAD_CAST loc);
		xmlTextWriterEndElement(tw);
		g_free(loc);
		g_free(rel);
	}
	sitemap_close(s, tw, buf, "sitemap.xml");
	g_ptr_array_free(all, TRUE);
}

/* SOURCE_DATE_EPOCH when set, so feeds are reproducible; else now. */
static char *
updated(const struct site *s)
{
	GDateTime *dt = s->o->epoch >= 0 ?
	    g_date_time_new_from_unix_utc(s->o->epoch) :
	    g_date_time_new_now_utc();
	char *r = g_date_time_format(dt, "%Y-%m-%dT%H:%M:%SZ");

	g_date_time_unref(dt);
	return r;
}

static void
feed(struct site *s, const struct kt_language *lang)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "feed", NULL);
	char *when = updated(s), *rel, *self, *home, *title;
	xmlNodePtr l;

	xmlDocSetRootElement(doc, root);
	xmlSetNs(root, xmlNewNs(root, BAD_CAST NS_ATOM, NULL));
	xmlNodeSetLang(root, BAD_CAST lang->code);
	rel = g_strdup_printf("%s/feed.xml", lang->code);
	self = url(s, rel);
	home = g_strdup_printf("%s/index.html", lang->code);
	title = g_strdup_printf("%s · %s", kt_str(s->m, lang->code,
	    "site.title"), s->m->site.school ? s->m->site.school : "");
	child(root, NULL, "title", title);
	child(root, NULL, "id", self);
	child(root, NULL, "updated", when);
	child(child(root, NULL, "author", NULL), NULL, "name",
	    s->m->site.school ? s->m->site.school : "keukentafel");
	l = child(root, NULL, "link", NULL);
	xmlSetProp(l, BAD_CAST "rel", BAD_CAST "self");
	xmlSetProp(l, BAD_CAST "href", BAD_CAST self);
	{
		char *h = url(s, home);
		l = child(root, NULL, "link", NULL);
		xmlSetProp(l, BAD_CAST "href", BAD_CAST h);
		g_free(h);
	}
	for (int k = 0; k < KT_KIND_COUNT; k++)
		for (guint i = 0; i < s->m->items[k]->len; i++) {
			const struct kt_item *it = g_ptr_array_index(
			    s->m->items[k], i);
			const struct kt_text *t = kt_item_text(it, lang->code);
			xmlNodePtr e;
			char *page, *u;

			if (t == NULL)
				continue;
			page = kt_page_path(lang->code, it->kind, it->slug);
			u = url(s, page);
			e = child(root, NULL, "entry", NULL);
			child(e, NULL, "title", t->title ? t->title : it->slug);
			child(e, NULL, "id", u);
			child(e, NULL, "updated", when);
			l = child(e, NULL, "link", NULL);
			xmlSetProp(l, BAD_CAST "href", BAD_CAST u);
			if (t->summary != NULL)
				child(e, NULL, "summary", t->summary);
			g_free(u);
			g_free(page);
		}
	save(s, doc, rel);
	g_free(title);
	g_free(home);
	g_free(self);
	g_free(rel);
	g_free(when);
}

void
h_feeds(struct site *s, const struct kt_language *lang)
{
	GPtrArray *all = codes(s);

	sitemap_lang(s, lang->code, all);
	feed(s, lang);
	g_ptr_array_free(all, TRUE);
}
