/*
 * keukentafel new opdracht|avond|tip SLUG: a new Dutch content file from
 * the templates (templates/new), every field there with a comment saying
 * what to write; with --taal, the translation of an existing Dutch file,
 * its texts copied to be translated and its bron recorded.
 */
#ifndef KT_NEW_H
#define KT_NEW_H

#include "build/build.h"

/*
 * Writes the file into o->content, from the templates in o->templates,
 * or (o->lang set) the translation into that language. Never overwrites a
 * file. Says what it wrote on stdout, or why not on stderr; returns the
 * exit status (2 for a kind or slug that cannot be).
 */
int kt_cmd_new(const struct kt_options *o, const char *kind,
    const char *slug);

#endif
