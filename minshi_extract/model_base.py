"""The base of the output contract's models (models.py): every field counted as set, values in a
key-sharing dict (issue 14: memory), fields set straight into the object's dict, and `trusted()`
for objects the extractor built from values it typed itself (issue 14: speed)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict


class _Model(BaseModel):
    # each field's description is its description in the JSON Schema (schema/notice.schema.json);
    # written in Field(), not as attribute docstrings: reading those back from the source at import
    # cost ~17 ms of every start-up
    model_config = ConfigDict(extra="forbid")

    def model_post_init(self, context: Any, /) -> None:
        # Every field counts as set (the JSON always has them all): one set of names shared by all
        # objects of a type instead of a set each, ~0.5 KB a record or section (issue 14: memory)
        cls = type(self)
        shared = _SHARED.get(cls) or _shared(cls)
        _set_fields_set(self, shared[0])
        # the field values in a dict that shares its keys with every object of the type (CPython's
        # key-sharing instance dicts): 288 bytes instead of 464 a record, 0.5 us (issue 14: memory)
        values = shared[1].copy()
        values.update(self.__dict__)
        _set_dict(self, values)

    if not TYPE_CHECKING:

        def __setattr__(self, name: str, value: Any) -> None:
            # a field goes straight into the object's dict, as pydantic's own handler does without
            # validate_assignment (its name is already in the shared fields-set): ~1.5 us -> 0.2 us,
            # ~800 a notice (the pipeline and the meaning pass fill ids, owners, items)
            if name in type(self).__pydantic_fields__:
                self.__dict__[name] = value
            else:
                super().__setattr__(name, value)

    @classmethod
    def trusted(cls, **values: Any) -> Any:
        """An object of this type from values the extractor typed itself (the structure parser's
        sections, parts and programmes, category evidence), without validation: 1.2 us against
        2.7 us for a Section. Fields left out take their default; a required one left out is a
        TypeError. The object is the one validation would build (same dict, fields-set, private
        and extra slots); input read from users (JSON, gold) is always validated."""
        fields_set, blank, required, factories, private = _SHARED.get(cls) or _shared(cls)
        if private or not values.keys() >= required:
            raise TypeError(f"{cls.__name__}.trusted: missing {sorted(required - values.keys())} "
                            "(or private attributes: build it by validation)")
        obj = _new(cls)
        d = blank.copy()
        d.update(values)
        for name, factory in factories:
            if name not in values:
                d[name] = factory()
        _set_dict(obj, d)  # the slots set through their descriptors: object.__setattr__ looks them up
        _set_fields_set(obj, fields_set)
        _set_extra(obj, None)
        _set_private(obj, None)
        return obj


_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__

# per model type: its field names as a set, a dict of its fields (their defaults, None for the
# others) that shares its keys, the required names, the (name, factory) of default factories, and
# whether it has private attributes
_Shared = tuple[set[str], dict[str, Any], frozenset[str], tuple[tuple[str, Any], ...], bool]
_SHARED: dict[type, _Shared] = {}


def _shared(cls: type[_Model]) -> _Shared:
    blank = object.__new__(cls)
    for name, f in cls.model_fields.items():  # in field order, as validation fills an object's dict
        object.__setattr__(blank, name, None if f.is_required() or f.default_factory else f.default)
    required = frozenset(n for n, f in cls.model_fields.items() if f.is_required())
    factories = tuple((n, f.default_factory) for n, f in cls.model_fields.items() if f.default_factory)
    _SHARED[cls] = shared = (set(cls.model_fields), blank.__dict__, required, factories,
                             bool(cls.__private_attributes__))
    return shared
