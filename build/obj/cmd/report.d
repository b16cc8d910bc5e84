build/obj/cmd/report.o: cmd/report.c cmd/command.h cmd/exitcode.h
cmd/command.h:
cmd/exitcode.h:
