import { z } from 'zod';

/** Schemas check without compiling code at run time, so a strict Content-Security-Policy holds. */
z.config({ jitless: true });
