/*
 * The search index of the bank (search.c): per language a small list of
 * the items and of the index's shards, and the shards themselves, one per
 * first two letters of the terms, which search.js loads as the teacher
 * types. Internal to the website renderer.
 */
#ifndef KT_SEARCH_H
#define KT_SEARCH_H

#include "web/page.h"

/* <lang>/zoek/index.js and its shards <lang>/zoek/<hex>.js. */
void h_search_index(struct site *, const struct kt_language *);
/* The Snowball stemmers of the site's languages, as classic scripts in
 * assets/stem/<lang>.js (the shared job). */
void h_search_stemmers(struct site *);
/* The search script on the bank's page, after the facets' index. */
void h_search_script(xmlNodePtr parent, const struct page *);

#endif
