/*
 * Walks cmark's tree with its iterator (enter and exit events) and builds
 * the target as it goes: one switch per target, no recursion. Where an
 * item link points is asked of the renderer (struct kt_md_links); this
 * file knows no output paths.
 */
#include "text/markdown.h"

#include <string.h>

/* ---- links ---- */

/*
 * Where a link goes: an item's page as the renderer resolves it, or the
 * URL itself when its scheme is allowed. NULL: no link.
 */
static char *
link_target(cmark_node *n, const struct kt_md_links *links,
    const char **lang)
{
	const char *url = cmark_node_get_url(n), *slug;
	enum kt_kind k;

	*lang = NULL;
	if (url == NULL)
		return NULL;
	if (kt_item_link(url, &k, &slug))
		return links != NULL && links->item != NULL ?
		    links->item(links->data, k, slug, lang) : NULL;
	if (!kt_url_allowed(url))
		return NULL;
	return g_strdup(url);
}

/* ---- libxml2 nodes ---- */

struct xml_out {
	xmlNodePtr cur;
	int shift;		/* added to a heading's level */
	const struct kt_md_links *links;
};

static xmlNodePtr
add_el(xmlNodePtr parent, const char *name)
{
	xmlNodePtr n = xmlNewDocNode(parent->doc, NULL, BAD_CAST name, NULL);

	return xmlAddChild(parent, n);
}

static void
add_text(xmlNodePtr parent, const char *s)
{
	xmlAddChild(parent, xmlNewDocText(parent->doc, BAD_CAST s));
}

static gboolean
in_tight_list(cmark_node *para)
{
	cmark_node *item = cmark_node_parent(para);
	cmark_node *list = item ? cmark_node_parent(item) : NULL;

	return list != NULL && cmark_node_get_type(list) == CMARK_NODE_LIST &&
	    cmark_node_get_list_tight(list);
}

/* The highest (smallest) heading level in doc, or 1 when none. */
static int
top_heading(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int top = 7;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_HEADING)
			top = MIN(top, cmark_node_get_heading_level(n));
	}
	cmark_iter_free(it);
	return top == 7 ? 1 : top;
}

/* An <a> where the link resolves, else a <span> around its text. */
static xmlNodePtr
open_link(const struct xml_out *o, cmark_node *n)
{
	const char *lang, *title = cmark_node_get_title(n);
	char *href = link_target(n, o->links, &lang);
	xmlNodePtr e = add_el(o->cur, href != NULL ? "a" : "span");

	if (href == NULL)
		return e;
	xmlSetProp(e, BAD_CAST "href", BAD_CAST href);
	if (lang != NULL)	/* the text is in the page's language */
		xmlSetProp(e, BAD_CAST "hreflang", BAD_CAST lang);
	if (title != NULL && *title != '\0')
		xmlSetProp(e, BAD_CAST "title", BAD_CAST title);
	g_free(href);
	return e;
}

static xmlNodePtr
open_list(const struct xml_out *o, cmark_node *n)
{
	char s[16];
	xmlNodePtr e;

	if (cmark_node_get_list_type(n) != CMARK_ORDERED_LIST)
		return add_el(o->cur, "ul");
	e = add_el(o->cur, "ol");
	if (cmark_node_get_list_start(n) != 1) {
		g_snprintf(s, sizeof s, "%d", cmark_node_get_list_start(n));
		xmlSetProp(e, BAD_CAST "start", BAD_CAST s);
	}
	return e;
}

/*
 * The element a container node opens, or NULL for a leaf (added here at
 * once) and for a node that adds no element.
 */
static xmlNodePtr
open_node(struct xml_out *o, cmark_node *n, cmark_node *unwrapped)
{
	char h[3];

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		if (n == unwrapped || in_tight_list(n))
			return NULL;
		return add_el(o->cur, "p");
	case CMARK_NODE_BLOCK_QUOTE:
		return add_el(o->cur, "blockquote");
	case CMARK_NODE_LIST:
		return open_list(o, n);
	case CMARK_NODE_ITEM:
		return add_el(o->cur, "li");
	case CMARK_NODE_HEADING:
		g_snprintf(h, sizeof h, "h%d", CLAMP(
		    cmark_node_get_heading_level(n) + o->shift, 1, 6));
		return add_el(o->cur, h);
	case CMARK_NODE_EMPH:
		return add_el(o->cur, "em");
	case CMARK_NODE_STRONG:
		return add_el(o->cur, "strong");
	case CMARK_NODE_LINK:
		return open_link(o, n);
	case CMARK_NODE_IMAGE:
		return add_el(o->cur, "span");	/* images: their alt text */
	case CMARK_NODE_TEXT:
	case CMARK_NODE_HTML_INLINE:
		add_text(o->cur, cmark_node_get_literal(n));
		return NULL;
	case CMARK_NODE_HTML_BLOCK:
		add_text(add_el(o->cur, "p"), cmark_node_get_literal(n));
		return NULL;
	case CMARK_NODE_CODE:
		add_text(add_el(o->cur, "code"), cmark_node_get_literal(n));
		return NULL;
	case CMARK_NODE_CODE_BLOCK:
		add_text(add_el(add_el(o->cur, "pre"), "code"),
		    cmark_node_get_literal(n));
		return NULL;
	case CMARK_NODE_SOFTBREAK:
		add_text(o->cur, "\n");
		return NULL;
	case CMARK_NODE_LINEBREAK:
		add_el(o->cur, "br");
		return NULL;
	case CMARK_NODE_THEMATIC_BREAK:
		add_el(o->cur, "hr");
		return NULL;
	default:
		return NULL;
	}
}

void
kt_md_to_xml(const struct kt_md *m, xmlNodePtr parent, int under,
    gboolean inline_only, const struct kt_md_links *links)
{
	struct xml_out o = { parent, 0, links };
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *first, *unwrapped = NULL;

	if (m == NULL || m->doc == NULL)
		return;
	first = cmark_node_first_child(m->doc);
	if (inline_only && first != NULL && cmark_node_next(first) == NULL &&
	    cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH)
		unwrapped = first;
	o.shift = under + 1 - top_heading(m->doc);
	it = cmark_iter_new(m->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		xmlNodePtr e;

		/* an element stays open until its node's exit; leaves
		 * (text, code, breaks) have no exit and open none */
		if (ev == CMARK_EVENT_ENTER) {
			if ((e = open_node(&o, n, unwrapped)) != NULL) {
				e->_private = n;
				o.cur = e;
			}
		} else if (o.cur != parent && o.cur->_private == n) {
			o.cur->_private = NULL;
			o.cur = o.cur->parent;
		}
	}
	cmark_iter_free(it);
}

/* ---- Pango markup ---- */

char *
kt_md_to_pango(const struct kt_md *m)
{
	GString *s = g_string_new(NULL);
	cmark_iter *it;
	cmark_event_type ev;

	if (m == NULL || m->doc == NULL)
		return g_string_free(s, FALSE);
	it = cmark_iter_new(m->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		gboolean enter = ev == CMARK_EVENT_ENTER;
		char *e;

		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_CODE_BLOCK:
			e = g_markup_escape_text(cmark_node_get_literal(n), -1);
			g_string_append(s, e);
			g_free(e);
			break;
		/* the easy-reading rules: bold for emphasis, never italics */
		case CMARK_NODE_STRONG:
		case CMARK_NODE_EMPH:
			g_string_append(s, enter ? "<b>" : "</b>");
			break;
		case CMARK_NODE_SOFTBREAK:
			g_string_append_c(s, ' ');
			break;
		case CMARK_NODE_LINEBREAK:
			g_string_append_c(s, '\n');
			break;
		case CMARK_NODE_ITEM:
			if (enter)
				g_string_append(s, "• ");
			break;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			if (!enter && cmark_node_next(n) != NULL)
				g_string_append(s, "\n");
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	while (s->len > 0 && s->str[s->len - 1] == '\n')
		g_string_truncate(s, s->len - 1);
	return g_string_free(s, FALSE);
}
