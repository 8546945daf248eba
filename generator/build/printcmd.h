/*
 * keukentafel print opdracht SLUG --klas FILE: what a mentor prints for
 * one class, written to a folder of its own outside out/ (the pupils'
 * names are never published): the class checklist with the names, and
 * one PDF with each pupil's sheet in the family's language.
 */
#ifndef KT_PRINTCMD_H
#define KT_PRINTCMD_H

#include "build/build.h"

/* Returns the process exit status. */
int kt_cmd_print(const struct kt_options *, const char *kind,
    const char *slug);

#endif
