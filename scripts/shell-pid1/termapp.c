/* A stand-in for an application that shuts down cleanly on SIGTERM (as a real server does).
 * It installs a SIGTERM handler, so it exits when, and only when, SIGTERM reaches it. */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

static const char *marker; /* TERMAPP_MARKER: a file written on SIGTERM (stderr may be redirected) */

static void on_term(int sig) {
  (void)sig;
  static const char msg[] = "termapp: got SIGTERM, exiting 0\n";
  (void)!write(2, msg, sizeof msg - 1);
  if (marker) {
    int fd = open(marker, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) { (void)!write(fd, msg, sizeof msg - 1); close(fd); }
  }
  _exit(0);
}

int main(int argc, char **argv) {
  marker = getenv("TERMAPP_MARKER");
  signal(SIGTERM, on_term);
  int seconds = argc > 1 ? atoi(argv[1]) : 30;
  for (int i = 0; i < seconds * 10; i++) usleep(100000);
  return 0;
}
