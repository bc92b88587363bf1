/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "mp-time.h"
static void t (void) { }
int main (int argc, char *argv[]) { g_test_init (&argc, &argv, NULL); g_test_add_func ("/time/x", t); return g_test_run (); }
