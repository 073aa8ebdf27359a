//! dyad-models
