/*
 * Walks cmark's tree with its iterator (enter and exit events) and builds
 * the target as it goes: one switch per target, no recursion.
 */
#include "text/markdown.h"

#include <string.h>

#include "text/url.h"

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

void
kt_md_to_xml(const struct kt_md *m, xmlNodePtr parent, int shift,
    gboolean inline_only)
{
	cmark_iter *it;
	cmark_event_type ev;
	xmlNodePtr cur = parent;
	cmark_node *first;
	gboolean unwrap;

	if (m == NULL || m->doc == NULL)
		return;
	first = cmark_node_first_child(m->doc);
	unwrap = inline_only && first != NULL && cmark_node_next(first) == NULL &&
	    cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH;
	it = cmark_iter_new(m->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		gboolean enter = ev == CMARK_EVENT_ENTER;
		const char *name = NULL;
		char h[3];

		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_DOCUMENT:
			continue;
		case CMARK_NODE_PARAGRAPH:
			if ((unwrap && n == first) || in_tight_list(n))
				continue;
			name = "p";
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			name = "blockquote";
			break;
		case CMARK_NODE_LIST:
			name = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST ?
			    "ol" : "ul";
			break;
		case CMARK_NODE_ITEM:
			name = "li";
			break;
		case CMARK_NODE_HEADING:
			g_snprintf(h, sizeof h, "h%d",
			    MIN(6, cmark_node_get_heading_level(n) + shift));
			name = h;
			break;
		case CMARK_NODE_EMPH:
			name = "em";
			break;
		case CMARK_NODE_STRONG:
			name = "strong";
			break;
		case CMARK_NODE_LINK:
			name = kt_url_allowed(cmark_node_get_url(n)) ? "a" :
			    "span";
			break;
		case CMARK_NODE_IMAGE:
			name = "span";	/* images from content: their alt text */
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_HTML_INLINE:
			add_text(cur, cmark_node_get_literal(n));
			continue;
		case CMARK_NODE_HTML_BLOCK: {
			xmlNodePtr p = add_el(cur, "p");
			add_text(p, cmark_node_get_literal(n));
			continue;
		}
		case CMARK_NODE_CODE:
			add_text(add_el(cur, "code"), cmark_node_get_literal(n));
			continue;
		case CMARK_NODE_CODE_BLOCK:
			add_text(add_el(add_el(cur, "pre"), "code"),
			    cmark_node_get_literal(n));
			continue;
		case CMARK_NODE_SOFTBREAK:
			add_text(cur, "\n");
			continue;
		case CMARK_NODE_LINEBREAK:
			add_el(cur, "br");
			continue;
		case CMARK_NODE_THEMATIC_BREAK:
			add_el(cur, "hr");
			continue;
		default:
			continue;
		}
		if (enter) {
			xmlNodePtr e = add_el(cur, name);

			if (strcmp(name, "a") == 0) {
				char *u = kt_url_encode(cmark_node_get_url(n));
				xmlSetProp(e, BAD_CAST "href", BAD_CAST u);
				g_free(u);
			}
			if (strcmp(name, "ol") == 0 &&
			    cmark_node_get_list_start(n) > 1) {
				char s[16];
				g_snprintf(s, sizeof s, "%d",
				    cmark_node_get_list_start(n));
				xmlSetProp(e, BAD_CAST "start", BAD_CAST s);
			}
			cur = e;
		} else {
			cur = cur->parent;
		}
	}
	cmark_iter_free(it);
}

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
