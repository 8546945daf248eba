/*
 * Markdown (a cmark tree from the model) into other forms: libxml2 nodes
 * for pages and Pango markup for sheets. Raw HTML in content becomes text;
 * links keep only allowed schemes. Nothing from content becomes markup.
 * Where a link to another item (opdracht:slug, avond:slug, tip:slug)
 * points is the renderer's to say, through struct kt_md_links.
 */
#ifndef KT_MARKDOWN_H
#define KT_MARKDOWN_H

#include <glib.h>
#include <libxml/tree.h>

#include "model/model.h"

/*
 * How a renderer resolves a link to an item. item returns the address of
 * the item's page (the caller frees it with g_free), or NULL when there is
 * no such item or no address to give: the link's text stays, unlinked.
 * It sets *lang to the language of that page when it is not the one of
 * the page or sheet being made (borrowed: a string of the model), else to
 * NULL.
 */
struct kt_md_links {
	char *(*item)(void *data, enum kt_kind, const char *slug,
	    const char **lang);
	void *data;
};

/*
 * Appends the blocks of m to parent. Headings go under the heading of
 * level under that the Markdown sits below: the highest heading in m
 * becomes level under + 1, the others keep their distance from it (at
 * most h6). When inline_only is TRUE and m is one paragraph, its content
 * is appended without the <p>. links may be NULL: item links then stay
 * text.
 */
void kt_md_to_xml(const struct kt_md *m, xmlNodePtr parent, int under,
    gboolean inline_only, const struct kt_md_links *links);

/*
 * Pango markup of m, for paper: blocks on lines of their own, bold for
 * emphasis, list items on lines of their own with a bullet or their
 * number, a link's address after its text ("de website (school.nl/ouders)",
 * without https://). Item links show the address links->item gives, or
 * only their text. Each address shown is wrapped in KT_MD_PANGO_ADDRESS
 * and nothing else is; when addresses is not NULL, it maps each address
 * as shown to the URL it stands for (both added as g_strdup copies: make
 * it with g_free for keys and values). The caller frees the markup with
 * g_free.
 */
char *kt_md_to_pango(const struct kt_md *m, const struct kt_md_links *links,
    GHashTable *addresses);

/* The span that marks an address in kt_md_to_pango()'s markup; a URL is
 * never broken with a hyphen that is not in it. */
#define KT_MD_PANGO_ADDRESS "<span insert_hyphens=\"false\">"

/* A URL as it is printed: without http:// or https://, mailto: or tel:,
 * and without a lone / at the end. The caller frees it with g_free. */
char *kt_md_short_url(const char *url);

#endif
