/*
 * keukentafel serve: builds, serves out/ on 127.0.0.1 for a browser on
 * the same machine, builds again when a content or theme file changes,
 * and makes the open pages reload; a failed build shows its errors in
 * the browser until they are corrected.
 */
#ifndef KT_SERVE_H
#define KT_SERVE_H

#include "build/build.h"

/*
 * Runs until SIGINT or SIGTERM: 0 then, 1 when the port cannot be had.
 * o->port 0 takes any free port. The address goes to stdout.
 */
int kt_cmd_serve(const struct kt_options *o);

#endif
