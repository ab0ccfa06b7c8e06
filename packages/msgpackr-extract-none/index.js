// The room server's MessagePack (used by the room library) looks for this optional native extension
// and falls back to plain JavaScript when loading it fails, which it always does here.
throw new Error('no native MessagePack extension: plain JavaScript is used');
