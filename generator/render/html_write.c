/*
 * Text is escaped (& < >), attribute values too (& "), void elements get
 * no end tag. Script and style content is written as it is: only the
 * generator puts text there, JSON with < > & already escaped.
 */
#include "html_write.h"

#include <string.h>

static const char *const void_elements[] = {
	"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
	"meta", "source", "track", "wbr", NULL
};

static void
escape(GString *out, const char *s, gboolean attr)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			g_string_append(out, "&amp;");
			break;
		case '<':
			g_string_append(out, attr ? "<" : "&lt;");
			break;
		case '>':
			g_string_append(out, attr ? ">" : "&gt;");
			break;
		case '"':
			g_string_append(out, attr ? "&quot;" : "\"");
			break;
		case '\xC2':	/* U+00A0 stays visible in the source */
			if (s[1] == '\xA0') {
				g_string_append(out, "&nbsp;");
				s++;
				break;
			}
			/* FALLTHROUGH */
		default:
			g_string_append_c(out, *s);
		}
	}
}

static void
node(GString *out, xmlNodePtr n, gboolean raw)
{
	for (; n != NULL; n = n->next) {
		switch (n->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (n->content == NULL)
				break;
			if (raw)
				g_string_append(out, (const char *)n->content);
			else
				escape(out, (const char *)n->content, FALSE);
			break;
		case XML_ELEMENT_NODE: {
			const char *name = (const char *)n->name;
			gboolean is_raw = strcmp(name, "script") == 0 ||
			    strcmp(name, "style") == 0;

			g_string_append_c(out, '<');
			g_string_append(out, name);
			for (xmlAttrPtr a = n->properties; a; a = a->next) {
				xmlChar *rv = xmlNodeGetContent((xmlNodePtr)a);

				g_string_append_c(out, ' ');
				g_string_append(out, (const char *)a->name);
				g_string_append(out, "=\"");
				escape(out, rv ? (const char *)rv : "", TRUE);
				g_string_append_c(out, '"');
				xmlFree(rv);
			}
			g_string_append_c(out, '>');
			if (g_strv_contains(void_elements, name))
				break;
			node(out, n->children, is_raw);
			g_string_append(out, "</");
			g_string_append(out, name);
			g_string_append_c(out, '>');
			break;
		}
		default:
			break;	/* comments and processing instructions */
		}
	}
}

void
kt_html_serialize(xmlDocPtr doc, GString *out)
{
	g_string_append(out, "<!DOCTYPE html>\n");
	node(out, xmlDocGetRootElement(doc), FALSE);
	g_string_append_c(out, '\n');
}
