build/obj/engine/states.o: engine/states.c engine/states.h
engine/states.h:
