#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

static inline int kiosk_a_bold(void) { return (int)A_BOLD; }
static inline int kiosk_a_reverse(void) { return (int)A_REVERSE; }
static inline int kiosk_a_underline(void) { return (int)A_UNDERLINE; }
static inline WINDOW *kiosk_stdscr(void) { return stdscr; }
